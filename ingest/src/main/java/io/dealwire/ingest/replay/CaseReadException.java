package io.dealwire.ingest.replay;

import java.nio.file.Path;

/** A case that cannot be replayed: names the file and says what is wrong with it. */
public final class CaseReadException extends Exception {
    private final Path file;

    public CaseReadException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    public CaseReadException(Path file, String reason) {
        this(file, reason, null);
    }

    public Path file() {
        return file;
    }
}
