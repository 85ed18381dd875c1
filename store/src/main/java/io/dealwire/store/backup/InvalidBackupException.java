package io.dealwire.store.backup;

/** A backup directory that cannot be restored: no manifest, an unknown format, or an archive that does not match it. */
public class InvalidBackupException extends RuntimeException {
    public InvalidBackupException(String message) {
        super(message);
    }

    public InvalidBackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
