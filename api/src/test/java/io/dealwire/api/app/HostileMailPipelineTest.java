package io.dealwire.api.app;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.dealwire.api.SalesInbox;
import io.dealwire.api.TestHttp;
import io.dealwire.api.TestImapSetups;
import io.dealwire.api.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hostile mail through the whole service: IMAP fetch, parsing, intake, store, index and API. Each message
 * carries a marker word; the service must keep running, store every message (with a warning where the mail
 * is malformed), make its text searchable, and never hand back markup that could run in the web app.
 * The small messages are resources under {@code hostile/}; the large ones are built here.
 */
class HostileMailPipelineTest {
    private static final String TOKEN = "test-admin-token-hostile-0123";
    // generous: on a loaded machine a sync attempt of the 25 MB message took 85 s and was retried; the deadline
    // only catches a hang
    private static final Duration WAIT = Duration.ofSeconds(600);

    @RegisterExtension
    static GreenMailExtension imap = new GreenMailExtension(TestImapSetups.imap());

    @TempDir
    Path dataDir;

    /** Marker word findable by search, and whether the parser must have recorded a warning. */
    private record Hostile(String marker, boolean warns, byte[] raw) {
    }

    @Test
    void hostileMailIsStoredSearchableAndInert() throws Exception {
        var inbox = new SalesInbox(imap);
        var mails = new LinkedHashMap<String, Hostile>();
        mails.put("NUL bytes", new Hostile("zqnulmarker", false, resource("nul-bytes.eml")));
        mails.put("broken charsets", new Hostile("zqcharsetmarker", true, resource("broken-charset.eml")));
        mails.put("../ in file names", new Hostile("zqpathmarker", false, resource("dotdot-filename.eml")));
        mails.put("scripts in HTML and subject", new Hostile("zqscripthtmlmarker", false, resource("script-html.eml")));
        mails.put("huge headers", new Hostile("zqheadermarker", false, hugeHeaders()));
        mails.put("60-level nesting", new Hostile("zqnestingmarker", true, nested(60)));
        mails.put("3,000 parts", new Hostile("zqpartsmarker", false, manyParts(3000)));
        mails.put("25 MB attachment", new Hostile("zqbigmarker", true, bigAttachment(25 * 1024 * 1024)));
        for (var m : mails.values()) inbox.deliver(m.raw());

        try (var app = Dealwire.start(new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of("northwind.example"), 1))) {
            var http = new TestHttp(app.port(), TOKEN);
            var added = http.post("/api/mailboxes", inbox.mailboxRequest());
            assertEquals(201, added.status(), added.body());
            var id = added.json().get("id").asText();
            var mailbox = TestHttp.await(WAIT, () -> http.get("/api/mailboxes/" + id),
                    r -> r.json().path("state").asText().equals("idle") && r.json().path("messages").asLong() == mails.size());
            assertNull(mailbox.json().path("lastError").textValue(), mailbox.body());

            var problems = new ArrayList<String>();
            for (var e : mails.entrySet()) {
                var hostile = e.getValue();
                var search = TestHttp.await(WAIT, () -> http.get("/api/search?q=" + hostile.marker()), r -> r.json().path("total").asLong() >= 1);
                var hit = search.json().at("/hits/0");
                assertFalse(hit.path("snippet").asText().toLowerCase().contains("<script"), e.getKey() + ": " + hit);
                var message = http.get("/api/messages/" + TestHttp.q(hit.path("id").asText()));
                assertEquals(200, message.status(), e.getKey() + ": " + message.body());
                var view = message.json();
                if (hostile.warns() && view.path("warnings").isEmpty()) problems.add(e.getKey() + ": stored without a warning");
                var html = view.path("html").asText().toLowerCase();
                for (var active : List.of("<script", "onerror", "onload", "javascript:", "<iframe"))
                    if (html.contains(active)) problems.add(e.getKey() + ": sanitized HTML still has " + active);
            }
            assertEquals(List.of(), problems);
            assertEquals(200, http.getAnonymous("/api/health").status(), "the service keeps running");
        }

        assertEquals(List.of(), namedLikeAnAttachment(dataDir.getParent()), "attachment names never become files");
    }

    /**
     * Paths under {@code root} (the temp dir, shared with every other process on the machine) named like the
     * hostile attachments. Other processes create and delete files there while the walk runs: one that
     * vanishes under it is skipped, not an error (Files.walk failed the test on it).
     */
    private static List<Path> namedLikeAnAttachment(Path root) throws IOException {
        var found = new ArrayList<Path>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.getFileName() != null && dir.getFileName().toString().startsWith("zq-evil")) found.add(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().startsWith("zq-evil")) found.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (file.getFileName() != null && file.getFileName().toString().startsWith("zq-evil")) found.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HostileMailPipelineTest.class.getResourceAsStream("hostile/" + name)) {
            assertNotNull(in, "missing test resource hostile/" + name);
            return in.readAllBytes();
        }
    }

    private static String head(String id, String subject, String contentType) {
        return "Message-ID: <" + id + "@hostile.example>\r\nDate: Tue, 4 Mar 2025 10:00:00 +0000\r\n"
                + "From: Mallory <mallory@hostile.example>\r\nTo: sales@northwind.example\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\n";
    }

    /** 5,000 filler header lines, 3,000 recipients and a 20,000-character subject. */
    private static byte[] hugeHeaders() {
        var sb = new StringBuilder("X-Filler-0: start\r\n");
        for (int i = 1; i < 5000; i++) sb.append("X-Filler-").append(i).append(": ").append("x".repeat(90)).append("\r\n");
        sb.append("Cc: ");
        for (int i = 0; i < 3000; i++) sb.append(i == 0 ? "" : ",\r\n ").append("person").append(i).append("@many.example");
        sb.append("\r\n");
        sb.append(head("huge-headers", "zqheadersubject " + "long ".repeat(4000), "text/plain; charset=us-ascii"));
        sb.append("\r\nThe body after huge headers zqheadermarker.\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Multiparts nested {@code depth} levels deep, with text at the top and at the bottom. */
    private static byte[] nested(int depth) {
        var sb = new StringBuilder(head("nested", "Nested " + depth + " levels", "multipart/mixed; boundary=\"n0\""));
        sb.append("\r\n--n0\r\nContent-Type: text/plain\r\n\r\nTop-level text zqnestingmarker.\r\n");
        for (int level = 1; level < depth; level++)
            sb.append("--n").append(level - 1).append("\r\nContent-Type: multipart/mixed; boundary=\"n").append(level).append("\"\r\n\r\n");
        sb.append("--n").append(depth - 1).append("\r\nContent-Type: text/plain\r\n\r\nInnermost text zqdeepmarker.\r\n");
        for (int level = depth - 1; level >= 0; level--) sb.append("--n").append(level).append("--\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] manyParts(int parts) {
        var sb = new StringBuilder(head("many-parts", "Many parts", "multipart/mixed; boundary=\"p\""));
        sb.append("\r\n--p\r\nContent-Type: text/plain\r\n\r\nFirst of many parts zqpartsmarker.\r\n");
        for (int i = 1; i < parts; i++)
            sb.append("--p\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"part")
                    .append(i).append(".bin\"\r\n\r\npart ").append(i).append("\r\n");
        sb.append("--p--\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bigAttachment(int bytes) {
        var payload = new byte[bytes];
        for (int i = 0; i < bytes; i++) payload[i] = (byte) (i * 31 + (i >>> 13));
        var sb = new StringBuilder(head("big-attachment", "A 25 MB attachment", "multipart/mixed; boundary=\"big\""));
        sb.append("\r\n--big\r\nContent-Type: text/plain\r\n\r\nThe drawings are attached zqbigmarker.\r\n");
        sb.append("--big\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"drawings.bin\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n");
        sb.append(Base64.getMimeEncoder().encodeToString(payload)).append("\r\n--big--\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

}
