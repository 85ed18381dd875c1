package io.dealwire.ingest.sync;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.dealwire.core.mailbox.Security;
import io.dealwire.ingest.sync.MailboxConnectException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

    // patient: on a loaded machine the in-process server can take seconds to answer, and a timeout would be
    // reported instead of what the test expects; only the silent-server test wants a short read timeout
    private static final SyncSettings PATIENT = SyncSettings.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30));
    private static final SyncSettings QUICK = SyncSettings.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(2));

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
        // a socket bound but not listening holds the port: nobody else can start listening on it meanwhile
        try (var holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            var e = probeFails("127.0.0.1", holder.getLocalPort(), Security.NONE, "alice-pw");
            assertEquals(Kind.CONNECTION_REFUSED, e.kind());
        }
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
            var e = assertThrows(MailboxConnectException.class,
                    () -> MailboxProbe.probe(QUICK, "127.0.0.1", silent.getLocalPort(), Security.NONE, "alice", "alice-pw", false, null));
            assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
            acceptor.join(1000);
            for (Socket s : accepted) s.close();
        }
    }

    @Test
    void plainTextToARemoteHostIsRefusedWithoutAllowInsecure() {
        var e = assertThrows(MailboxConnectException.class, () ->
                MailboxProbe.probe(PATIENT, "imap.example.com", 143, Security.NONE, "alice", "pw", false, null));
        assertEquals(Kind.INSECURE_NOT_ALLOWED, e.kind());
    }

    private MailboxConnectException probeFails(String host, int port, Security security, String password) {
        return assertThrows(MailboxConnectException.class,
                () -> MailboxProbe.probe(PATIENT, host, port, security, "alice", password, false, null));
    }
}
