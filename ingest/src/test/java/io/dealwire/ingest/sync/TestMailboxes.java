package io.dealwire.ingest.sync;

import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.mailbox.SyncState;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Mailboxes and raw messages for sync tests. The "encrypted" password is the password itself: tests decrypt with identity. */
final class TestMailboxes {
    private TestMailboxes() {
    }

    static Mailbox plain(String id, int port, String username, String password, List<String> folders) {
        return new Mailbox(id, id, "127.0.0.1", port, Security.NONE, username, password, folders, null, "owner-1",
                true, false, null, SyncState.CONNECTING, null, Map.of(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    static byte[] raw(String messageId, String from, String to, String subject, String body) {
        String mail = "Message-ID: <" + messageId + ">\r\n"
                + "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Mon, 2 Mar 2026 10:15:00 +0100\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + body + "\r\n";
        return mail.getBytes(StandardCharsets.UTF_8);
    }
}
