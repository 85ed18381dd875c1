package io.dealwire.ingest.sync;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.dealwire.core.mailbox.Security;
import io.dealwire.ingest.sync.MailboxConnectException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailboxProbeTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(GreenMailSetups.imap());

    private static final SyncSettings QUICK = SyncSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

    @BeforeEach
    void user() {
        greenMail.setUser("alice@acme.test", "alice", "alice-pw");
    }

    private int port() {
        return greenMail.getImap().getPort();
    }

    @Test
    void rightCredentialsListTheFolders() throws Exception {
        List<String> folders = MailboxProbe.test("127.0.0.1", port(), Security.NONE, "alice", "alice-pw", false, null);
        assertTrue(folders.contains("INBOX"), folders.toString());
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailure() {
        var e = probeFails("127.0.0.1", port(), Security.NONE, "wrong");
        assertEquals(Kind.AUTHENTICATION_FAILED, e.kind());
        assertFalse(e.getMessage().contains("wrong"), "the password is never echoed");
    }

    @Test
    void unknownHostIsReportedAsSuch() {
        var e = probeFails("no-such-host.invalid", 993, Security.TLS, "alice-pw");
        assertEquals(Kind.UNKNOWN_HOST, e.kind());
        assertTrue(e.getMessage().contains("no-such-host.invalid"));
    }

    @Test
    void aPortWithNothingListeningIsConnectionRefused() throws IOException {
        int closed;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        var e = probeFails("127.0.0.1", closed, Security.NONE, "alice-pw");
        assertEquals(Kind.CONNECTION_REFUSED, e.kind());
    }

    @Test
    void tlsAgainstAPlainServerIsATlsFailure() {
        var e = probeFails("127.0.0.1", port(), Security.TLS, "alice-pw");
        assertEquals(Kind.TLS_FAILURE, e.kind(), e.getMessage());
    }

    @Test
    void starttlsRequiredAgainstAServerWithoutItIsATlsFailure() {
        var e = probeFails("127.0.0.1", port(), Security.STARTTLS, "alice-pw");
        assertEquals(Kind.TLS_FAILURE, e.kind(), e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws Exception {
        try (var silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            var accepted = new ArrayList<Socket>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    accepted.add(silent.accept()); // accept, then say nothing
                } catch (IOException e) {
                    // the socket is closed when the test ends
                }
            });
            var e = probeFails("127.0.0.1", silent.getLocalPort(), Security.NONE, "alice-pw");
            assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
            acceptor.join(1000);
            for (Socket s : accepted) s.close();
        }
    }

    @Test
    void plainTextToARemoteHostIsRefusedWithoutAllowInsecure() {
        var e = assertThrows(MailboxConnectException.class, () ->
                MailboxProbe.probe(QUICK, "imap.example.com", 143, Security.NONE, "alice", "pw", false, null));
        assertEquals(Kind.INSECURE_NOT_ALLOWED, e.kind());
    }

    private MailboxConnectException probeFails(String host, int port, Security security, String password) {
        return assertThrows(MailboxConnectException.class,
                () -> MailboxProbe.probe(QUICK, host, port, security, "alice", password, false, null));
    }
}
