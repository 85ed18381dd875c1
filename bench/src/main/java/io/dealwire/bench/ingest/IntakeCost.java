package io.dealwire.bench.ingest;

import io.dealwire.bench.cli.Args;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.intake.CrmSettings;
import io.dealwire.core.intake.Intake;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.index.StoreIndexContext;
import io.dealwire.index.MessageIndex;
import io.dealwire.index.feed.IndexFeeder;
import io.dealwire.ingest.mime.MimeParser;
import io.dealwire.store.StoreFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The ingest path without IMAP, in process: parse, then intake (link, infer) into the embedded store in
 * batches committed like a sync's checkpoints, while the index feeder indexes behind it. Separates what
 * the service does per message from what the wire and the IMAP server cost. Messages are taken in
 * folder order (whole custodians), as a mailbox backfill sees them.
 */
public final class IntakeCost {

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv);
        var maildir = args.path("maildir");
        int limit = args.integer("messages", 5_000);
        int batch = args.integer("batch", 500);
        // a data dir to leave the store and index in (IndexingCost reads it), instead of a temporary one
        var keep = args.get("keep", "").isEmpty() ? null : Path.of(args.get("keep", ""));

        List<Path> files;
        try (var walk = Files.walk(maildir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().equals("cur"))
                    .sorted().limit(limit).toList();
        }
        var raws = new ArrayList<byte[]>(files.size());
        long bytes = 0;
        for (var f : files) {
            var b = Files.readAllBytes(f);
            raws.add(b);
            bytes += b.length;
        }
        var parser = new MimeParser();
        for (int i = 0; i < Math.min(500, raws.size()); i++) parser.parse(raws.get(i)); // JIT warm-up
        long t0 = System.nanoTime();
        var mails = new ArrayList<MailMessage>(raws.size());
        for (var raw : raws) mails.add(parser.parse(raw));
        long parseNanos = System.nanoTime() - t0;

        Path work = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("dealwire-intake-cost");
        try (var store = StoreFactory.openEmbedded(work.resolve("store"));
             var index = MessageIndex.open(work.resolve("index"), new StoreIndexContext(store));
             var feeder = new IndexFeeder(store.messages(), index)) {
            store.pipelines().save(PipelineTemplates.defaultPipeline());
            store.mailboxes().save(new Mailbox("bench", "bench", "127.0.0.1", 143, Security.NONE, "bench", "", List.of(),
                    null, "owner-1", false, true, null, null, null, null, Instant.now()));
            store.commit();
            var intake = MessageIntake.withStageRules(store, CrmSettings.of(new OwnDomains(Set.of("enron.com"))),
                    Clock.systemUTC(), IdGenerator.random());
            feeder.runEvery(Duration.ofMillis(250), Thread.ofVirtual().factory());

            var cpuBefore = ThreadCpu.byGroup();
            long t1 = System.nanoTime();
            long uid = 0;
            for (int from = 0; from < mails.size(); from += batch) {
                var incoming = new ArrayList<Intake.Incoming>();
                for (var mail : mails.subList(from, Math.min(mails.size(), from + batch))) {
                    incoming.add(new Intake.Incoming(mail, new MessageLocation("bench", "INBOX", 1, ++uid, false)));
                }
                intake.acceptAll(incoming);
                store.commit();
                feeder.poke();
            }
            long storedNanos = System.nanoTime() - t1;
            var cpuStored = ThreadCpu.byGroup();
            long last = store.messages().lastSeq();
            while (feeder.indexedSeq() < last) Thread.sleep(5);
            long indexedNanos = System.nanoTime() - t1;
            var cpuIndexed = ThreadCpu.byGroup();

            int n = mails.size();
            System.out.printf("In-process ingest without IMAP: %d messages (%.1f MB) in folder order, batches of %d, embedded store%n",
                    n, bytes / 1e6, batch);
            System.out.printf("  parse (one thread)            %8.1f µs/msg%n", parseNanos / 1e3 / n);
            System.out.printf("  intake + store + commit       %8.1f µs/msg  (%.0f msgs/s)%n", storedNanos / 1e3 / n, n / (storedNanos / 1e9));
            System.out.printf("  ... and indexed (wall)        %8.1f µs/msg  (%.0f msgs/s)%n", indexedNanos / 1e3 / n, n / (indexedNanos / 1e9));
            // CPU per thread group: unlike the wall times, it hardly moves with what else runs on the machine
            System.out.printf("  CPU while storing, by thread (µs/msg): %s%n", ThreadCpu.perMessage(cpuBefore, cpuStored, n));
            System.out.printf("  CPU until indexed, by thread (µs/msg): %s%n", ThreadCpu.perMessage(cpuBefore, cpuIndexed, n));
            System.out.printf("  stored %d messages, %d deals, %d contacts, %d companies; index %d docs%n",
                    store.messages().count(), store.deals().count(), store.contacts().count(), store.companies().count(),
                    index.documentCount());
        } finally {
            if (keep == null) try (var paths = Files.walk(work)) {
                for (var p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
