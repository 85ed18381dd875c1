package io.dealwire.bench.search;

import io.dealwire.bench.cli.Args;
import io.dealwire.core.inference.LanguageDetector;
import io.dealwire.core.inference.TextNormalizer;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.index.MessageIndex;
import io.dealwire.index.StoreIndexContext;
import io.dealwire.index.mapping.MessageDocuments;
import io.dealwire.store.StoreFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * What the index feeder costs per message, in process, on messages an ingest left in a store (run it on a copy
 * of a data dir: {@code --store} names the directory holding {@code store/}): language detection alone, building the Lucene documents, then indexing them
 * into a fresh index with a refresh every {@code --refresh-every} messages (the feeder refreshes twice a second
 * during a backfill, i.e. every ~100 messages at 200 msgs/s), merges included (process CPU until the index is
 * closed).
 *
 * <p>{@code --store DIR --messages 10000 --refresh-every 100 [--languages intake|none]}: with {@code intake}, messages
 * stored without a language (by an intake older than the one that stores it) get the one the intake now stores,
 * before anything is timed, so the documents are built as for a store written by the current intake; with
 * {@code none}, every language is dropped, so the index detects each one as it did before the intake stored them.
 */
public final class IndexingCost {
    public static void main(String[] argv) throws Exception {
        var args = new Args(argv);
        var storeDir = args.path("store");
        int limit = args.integer("messages", 10_000);
        int refreshEvery = args.integer("refresh-every", 100);
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        try (var store = StoreFactory.openEmbedded(storeDir)) {
            var messages = new ArrayList<StoredMessage>(limit);
            long seq = 0;
            while (messages.size() < limit) {
                var batch = store.messages().changedSince(seq, 500);
                if (batch.isEmpty()) break;
                for (var m : batch) {
                    seq = Math.max(seq, m.seq());
                    if (messages.size() < limit) messages.add(m);
                }
            }
            switch (args.get("languages", "stored")) {
                case "intake" -> messages.replaceAll(m -> m.language().isBlank()
                        ? m.with(b -> b.language = LanguageDetector.ofMessageText(m.mail().newText())) : m);
                case "none" -> messages.replaceAll(m -> m.with(b -> b.language = "")); // as an older intake stored them
                case "stored" -> { }
                default -> throw new IllegalArgumentException("--languages is stored, intake or none");
            }
            int n = messages.size();
            long withLanguage = messages.stream().filter(m -> !m.language().isBlank()).count();
            var context = new StoreIndexContext(store);
            var documents = new MessageDocuments(context);
            for (int i = 0; i < Math.min(2000, n); i++) documents.toDocument(messages.get(i)); // warm-up (and the context's reads)

            long t0 = threads.getCurrentThreadCpuTime();
            for (var m : messages) {
                var text = m.mail().newText();
                LanguageDetector.detect(TextNormalizer.normalize(text.length() > 4000 ? text.substring(0, 4000) : text));
            }
            long detect = threads.getCurrentThreadCpuTime() - t0;
            t0 = threads.getCurrentThreadCpuTime();
            for (var m : messages) LanguageDetector.ofMessageText(m.mail().newText());
            long detectInSlices = threads.getCurrentThreadCpuTime() - t0;

            t0 = threads.getCurrentThreadCpuTime();
            for (var m : messages) documents.toDocument(m);
            long build = threads.getCurrentThreadCpuTime() - t0;

            Path dir = Files.createTempDirectory("dealwire-indexing-cost");
            try {
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                long thread0 = threads.getCurrentThreadCpuTime();
                try (var index = MessageIndex.open(dir, context)) {
                    index.bulk(() -> {
                        for (int i = 0; i < n; i++) {
                            index.index(messages.get(i));
                            if ((i + 1) % refreshEvery == 0) index.refresh();
                        }
                        return null;
                    });
                    index.commit(seq);
                }
                long feederThread = threads.getCurrentThreadCpuTime() - thread0;
                long wall = System.nanoTime() - wall0;
                long cpu = os.getProcessCpuTime() - cpu0;
                System.out.printf("Indexing cost, %d stored messages (%d with a language), refresh every %d, %d cores%n",
                        n, withLanguage, refreshEvery, Runtime.getRuntime().availableProcessors());
                System.out.printf("  language detection alone          %8.1f µs/msg (whole head normalized), %.1f µs/msg (in slices, as the intake)%n",
                        detect / 1e3 / n, detectInSlices / 1e3 / n);
                System.out.printf("  Lucene document (detection incl.) %8.1f µs/msg%n", build / 1e3 / n);
                System.out.printf("  index + refreshes + commit, feeding thread CPU %8.1f µs/msg%n", feederThread / 1e3 / n);
                System.out.printf("  ... process CPU, merges included  %8.1f µs/msg, wall %8.1f µs/msg; index %.1f MB%n",
                        cpu / 1e3 / n, wall / 1e3 / n, bytes(dir) / 1e6);
            } finally {
                try (var paths = Files.walk(dir)) {
                    for (var p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long bytes(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
