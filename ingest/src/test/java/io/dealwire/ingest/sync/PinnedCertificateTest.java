package io.dealwire.ingest.sync;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.dealwire.core.mailbox.Security;
import io.dealwire.ingest.sync.MailboxConnectException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.cert.X509Certificate;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A self-signed server (GreenMail's IMAPS) is refused until its certificate's SHA-256 is pinned. */
class PinnedCertificateTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(GreenMailSetups.imaps());

    // patient: a TLS handshake with the in-process server can take seconds on a loaded machine
    private static final SyncSettings PATIENT = SyncSettings.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30));

    @BeforeEach
    void user() {
        greenMail.setUser("alice@acme.test", "alice", "alice-pw");
    }

    private int port() {
        return greenMail.getImaps().getPort();
    }

    @Test
    void aSelfSignedCertificateIsRefusedWithoutAPin() {
        var e = assertThrows(MailboxConnectException.class,
                () -> MailboxProbe.probe(PATIENT, "localhost", port(), Security.TLS, "alice", "alice-pw", false, null));
        assertEquals(Kind.TLS_FAILURE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("pin"), e.getMessage());
    }

    @Test
    void theRightPinIsTrustedAndAWrongOneIsNot() throws Exception {
        String pin = presentedFingerprint();
        var ok = MailboxProbe.probe(PATIENT, "localhost", port(), Security.TLS, "alice", "alice-pw", false, pin);
        assertTrue(ok.folders().contains("INBOX"));

        String wrong = "00".repeat(32);
        var e = assertThrows(MailboxConnectException.class,
                () -> MailboxProbe.probe(PATIENT, "localhost", port(), Security.TLS, "alice", "alice-pw", false, wrong));
        assertEquals(Kind.TLS_FAILURE, e.kind());
        assertTrue(e.getMessage().contains(pin), "the error shows the fingerprint to pin: " + e.getMessage());
    }

    /** What an admin would read off the server: the SHA-256 of the certificate it presents (test-only trust-all read). */
    private String presentedFingerprint() throws Exception {
        var capture = new X509Certificate[1];
        var context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new X509TrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { capture[0] = chain[0]; }
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        try (var socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port())) {
            socket.startHandshake();
        }
        return PinnedCertificateTrust.sha256(capture[0]);
    }
}
