package io.dealwire.ingest.sync;

/**
 * Connecting or logging in to an IMAP server failed. {@link #kind()} says which step failed so
 * the API can answer with a distinct error; the message is plain language an admin can act on.
 */
public final class MailboxConnectException extends Exception {

    public enum Kind {
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** Nothing listens on that port, or a firewall rejects the connection. */
        CONNECTION_REFUSED,
        /** The server did not answer in time (wrong port, TLS mode mismatch, firewall dropping packets). */
        TIMEOUT,
        /** TLS could not be established or the certificate / host name could not be verified. */
        TLS_FAILURE,
        /** The server refused the username or password. */
        AUTHENTICATION_FAILED,
        /** Plain-text IMAP to a non-loopback host without {@code allowInsecure}. */
        INSECURE_NOT_ALLOWED,
        /** The server answered, but not as an IMAP server should. */
        PROTOCOL
    }

    private final Kind kind;

    public MailboxConnectException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
