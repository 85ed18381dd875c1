package io.dealwire.ingest.sync;

import io.dealwire.core.mailbox.Security;
import io.dealwire.ingest.sync.MailboxConnectException.Kind;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Opens authenticated IMAP connections with timeouts and verified TLS, and turns connection
 * failures into a {@link MailboxConnectException} whose kind and message say what went wrong.
 */
final class ImapConnector {
    private static final Logger log = LoggerFactory.getLogger(ImapConnector.class);
    /** One timer thread enforces write timeouts for every connection (instead of one thread each). */
    private static final ScheduledExecutorService WRITE_TIMEOUTS = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("imap-write-timeouts").factory());

    /** Where and how to connect; the password is passed separately so it never sits in a record that may be logged. */
    record Endpoint(String host, int port, Security security, String username, boolean allowInsecure, String pinnedSha256) {
        String describe() {
            return username + "@" + host + ":" + port + " (" + security + ")";
        }
    }

    private final SyncSettings settings;

    ImapConnector(SyncSettings settings) {
        this.settings = settings;
    }

    IMAPStore connect(Endpoint endpoint, String password) throws MailboxConnectException {
        if (endpoint.security() == Security.NONE && !endpoint.allowInsecure() && !LoopbackHost.is(endpoint.host())) {
            throw new MailboxConnectException(Kind.INSECURE_NOT_ALLOWED, "Plain-text IMAP to " + endpoint.host()
                    + " would send the password unencrypted: use TLS or STARTTLS, or set allowInsecure.", null);
        }
        String protocol = endpoint.security() == Security.TLS ? "imaps" : "imap";
        Session session = Session.getInstance(properties(endpoint, protocol));
        IMAPStore store = null;
        try {
            store = (IMAPStore) session.getStore(protocol);
            store.connect(endpoint.host(), endpoint.port(), endpoint.username(), password);
            return store;
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(store);
            throw classify(endpoint, e);
        }
    }

    private Properties properties(Endpoint endpoint, String protocol) throws MailboxConnectException {
        var p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        p.setProperty(prefix + "timeout", Long.toString(settings.readTimeout().toMillis()));
        p.setProperty(prefix + "writetimeout", Long.toString(settings.writeTimeout().toMillis()));
        p.put(prefix + "executor.writetimeout", WRITE_TIMEOUTS);
        p.setProperty(prefix + "peek", "true"); // never set \Seen, whatever path reads a body
        p.setProperty(prefix + "partialfetch", "false");
        p.setProperty(prefix + "ssl.checkserveridentity", "true");
        p.setProperty(prefix + "ssl.protocols", "TLSv1.3 TLSv1.2");
        p.setProperty(prefix + "connectionpoolsize", "1");
        if (endpoint.security() == Security.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (endpoint.pinnedSha256() != null && !endpoint.pinnedSha256().isBlank()) {
            // the pinned certificate, and only it, is trusted: it identifies the server more strictly
            // than an authority plus host name would, so the host name check is the pin's
            p.setProperty(prefix + "ssl.checkserveridentity", "false");
            p.setProperty(prefix + "socketFactory.fallback", "false");
            try {
                p.put(prefix + "ssl.socketFactory", PinnedCertificateTrust.socketFactory(endpoint.pinnedSha256()));
            } catch (GeneralSecurityException e) {
                throw new MailboxConnectException(Kind.TLS_FAILURE, "TLS could not be set up: " + e.getMessage(), e);
            }
        }
        return p;
    }

    static MailboxConnectException classify(Endpoint endpoint, Exception e) {
        String where = endpoint.host() + ":" + endpoint.port();
        if (e instanceof AuthenticationFailedException) {
            String words = e.getMessage() == null || e.getMessage().isBlank() ? "no reason given" : e.getMessage().strip();
            return new MailboxConnectException(Kind.AUTHENTICATION_FAILED,
                    "The server refused the login for " + endpoint.username() + ": " + words, e);
        }
        for (Throwable t = e; t != null; t = next(t)) {
            // a certificate problem surfaces wrapped in an SSLHandshakeException: look for it first
            if (t instanceof CertificateException) {
                return new MailboxConnectException(Kind.TLS_FAILURE, "The server's certificate could not be verified ("
                        + t.getMessage() + "). For a self-signed server, pin its SHA-256 fingerprint.", e);
            }
        }
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof UnknownHostException) {
                return new MailboxConnectException(Kind.UNKNOWN_HOST,
                        "The host name " + endpoint.host() + " could not be found: check the spelling.", e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new MailboxConnectException(Kind.CONNECTION_REFUSED, "Nothing accepted the connection on "
                        + where + ": check the port (usually 993 for TLS, 143 for STARTTLS).", e);
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return new MailboxConnectException(Kind.TIMEOUT, "The server at " + where + " did not answer in time: "
                        + "check the port and the security mode (TLS on 993, STARTTLS on 143), or a firewall.", e);
            }
            if (t instanceof CertificateException) {
                return new MailboxConnectException(Kind.TLS_FAILURE, "The server's certificate could not be verified ("
                        + t.getMessage() + "). For a self-signed server, pin its SHA-256 fingerprint.", e);
            }
            if (t instanceof SSLException) {
                return new MailboxConnectException(Kind.TLS_FAILURE, "TLS with " + where + " failed (" + t.getMessage()
                        + "): check the security mode (TLS on 993, STARTTLS on 143) and the certificate.", e);
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.toLowerCase(java.util.Locale.ROOT).contains("starttls")) {
            return new MailboxConnectException(Kind.TLS_FAILURE, "The server at " + where
                    + " does not offer STARTTLS: use TLS (usually port 993) instead.", e);
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("certificate") || message.contains("server identity")) {
            return new MailboxConnectException(Kind.TLS_FAILURE, "The server's certificate does not match "
                    + endpoint.host() + ": " + message, e);
        }
        return new MailboxConnectException(Kind.PROTOCOL, "The server at " + where
                + " did not answer as an IMAP server: " + message, e);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t) {
            return me.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    static void closeQuietly(IMAPStore store) {
        if (store == null) return;
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            // closing a broken connection: nothing left to release, and the original failure is what matters
            log.debug("closing an IMAP connection failed: {}", e.toString());
        }
    }
}
