package io.dealwire.ingest.mime;

import io.dealwire.core.message.MailMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real and broken mail from ../shared/corpus goes through the parser without an exception escaping,
 * and every message yields an id and either a subject or sender, or a warning saying why not.
 */
@EnabledIf(value = "io.dealwire.ingest.mime.CorpusFiles#available", disabledReason = "../shared/corpus is not present")
class CorpusParseTest {
    private final MimeParser parser = new MimeParser();

    /** Tallies of one corpus run. */
    private static final class Tally {
        int messages;
        int withFrom;
        int withMessageId;
        int withWarnings;
        final List<String> problems = new ArrayList<>();

        void add(String name, MailMessage m) {
            messages++;
            if (m.from() != null) withFrom++;
            if (m.messageId() != null) withMessageId++;
            if (!m.warnings().isEmpty()) withWarnings++;
            if (m.id() == null || m.id().isBlank()) problems.add(name + ": no id");
            boolean described = !m.subject().isBlank() || m.from() != null || !m.warnings().isEmpty();
            if (!described) problems.add(name + ": neither subject nor sender, and no warning");
        }
    }

    private Tally parseAll(Iterable<Path> files) throws IOException {
        var tally = new Tally();
        for (Path f : files) tally.add(f.getFileName().toString(), parseSafely(f.toString(), Files.readAllBytes(f)));
        return tally;
    }

    private long slowestNanos;
    private String slowest;

    private MailMessage parseSafely(String name, byte[] raw) {
        try {
            long t0 = System.nanoTime();
            MailMessage m = parser.parse(raw);
            long t = System.nanoTime() - t0;
            if (t > slowestNanos) {
                slowestNanos = t;
                slowest = name;
            }
            assertNotNull(m, name);
            return m;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("parser threw on " + name, e);
        }
    }

    @Test
    void everyMimeEdgeMessageParses() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(CorpusFiles.root().resolve("mime-edge"))) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches("(?i)README.*|SOURCES.tsv|.*LICENSE.*"))
                    .sorted().toList();
        }
        assertEquals(112, files.size(), "the mime-edge corpus has 112 messages");
        Tally tally = parseAll(files);
        System.out.printf("mime-edge: %d messages, %d with warnings; slowest %s (%d ms)%n", tally.messages,
                tally.withWarnings, slowest, slowestNanos / 1_000_000);
        assertEquals(List.of(), tally.problems);
    }

    @Test
    @EnabledIf(value = "io.dealwire.ingest.mime.CorpusFiles#xzAvailable", disabledReason = "xz is not installed")
    void aSampleOfEnronParses() throws Exception {
        var tally = new Tally();
        Process xz = CorpusFiles.xz(CorpusFiles.root().resolve("enron-maildir-57k.tar.xz"));
        int taken;
        try (InputStream tar = xz.getInputStream()) {
            // every 10th file up to 3,000: over half of the custodians, without decompressing everything
            taken = CorpusFiles.tarEntries(tar, 10, 3000, (name, raw) -> tally.add(name, parseSafely(name, raw)));
        } finally {
            xz.destroy();
        }
        System.out.printf("enron: %d messages, %d with From, %d with warnings%n", taken, tally.withFrom, tally.withWarnings);
        assertTrue(taken >= 3000, "sampled " + taken);
        assertEquals(List.of(), tally.problems);
        // 1,148 of 57,808 have stripped headers: the rest must yield a sender
        assertTrue(tally.withFrom >= taken * 0.95, tally.withFrom + " of " + taken + " have a sender");
    }

    @Test
    @EnabledIf(value = "io.dealwire.ingest.mime.CorpusFiles#xzAvailable", disabledReason = "xz is not installed")
    void aSampleOfTheLinuxMipsListParses() throws Exception {
        var tally = new Tally();
        Process xz = CorpusFiles.xz(CorpusFiles.root().resolve("linux-mips-20k.mbox.xz"));
        int taken;
        try (InputStream mbox = xz.getInputStream()) {
            int[] n = {0};
            taken = CorpusFiles.mboxrdMessages(mbox, 3, 3000, raw -> tally.add("linux-mips #" + n[0]++, parseSafely("linux-mips", raw)));
        } finally {
            xz.destroy();
        }
        System.out.printf("linux-mips: %d messages, %d with Message-ID, %d with warnings%n", taken, tally.withMessageId, tally.withWarnings);
        assertTrue(taken >= 3000, "sampled " + taken);
        assertEquals(List.of(), tally.problems);
        assertTrue(tally.withMessageId >= taken * 0.99, tally.withMessageId + " of " + taken + " have a Message-ID");
    }
}
