package io.dealwire.bench.store;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.dealwire.bench.cli.Args;
import io.dealwire.store.MongoStore;
import io.dealwire.store.embedded.bson.BsonH2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one-time migration of a store file of the library's format (an ingested corpus) to BSON documents, on a
 * copy: how long it takes, the file before and after, and whether every collection reads back the same (counts,
 * and the first documents of each in natural order, which both formats keep by string id, compared field by field).
 */
public final class StoreMigrationCost {
    public static void main(String[] argv) throws Exception {
        var args = new Args(argv);
        Path source = args.path("source");
        int compared = args.integer("compare", 2_000);
        Path work = Files.createTempDirectory("dealwire-store-migration");
        Path file = work.resolve("dealwire.mv");
        Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
        try {
            long sizeBefore = Files.size(file);
            var before = read(file, H2Backend::new, compared);

            var mv = new MVStore.Builder().fileName(file.toString()).compress().cacheSize(32).open();
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            var backend = BsonH2Backend.open(mv);
            long migrationNanos = System.nanoTime() - t0;
            long migrationCpu = cpu() - cpu0;
            backend.close();
            long sizeAfter = Files.size(file);

            var after = read(file, BsonH2Backend::open, compared);
            System.out.printf("migrated %s: %.1f s (%.1f s CPU on the opening thread), file %.1f MB -> %.1f MB, heap used %.0f MB%n",
                    source, migrationNanos / 1e9, migrationCpu / 1e9, sizeBefore / 1e6, sizeAfter / 1e6,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6);
            before.counts.forEach((name, count) -> System.out.printf("  %-28s %8d documents before, %8d after%n",
                    name, count, after.counts.getOrDefault(name, -1L)));
            boolean same = before.counts.equals(after.counts) && before.samples.equals(after.samples);
            System.out.println(same ? "  every count and every compared document equal" : "  DIFFERENT after the migration");
            if (!same) System.exit(1);
        } finally {
            try (var paths = Files.walk(work)) {
                for (var p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private record Contents(Map<String, Long> counts, Map<String, List<Document>> samples) {
    }

    private static Contents read(Path file, Function<MVStore, MongoBackend> backend, int compared) {
        var mv = new MVStore.Builder().fileName(file.toString()).compress().cacheSize(32).open();
        var server = new MongoServer(backend.apply(mv));
        try {
            server.bind("127.0.0.1", 0);
            try (var client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                var db = client.getDatabase(MongoStore.DEFAULT_DATABASE);
                var counts = new TreeMap<String, Long>();
                var samples = new TreeMap<String, List<Document>>();
                for (String name : db.listCollectionNames()) {
                    var collection = db.getCollection(name);
                    // the count command and an unsorted find: an aggregated count or a sort would hold the whole collection
                    // in the server's heap
                    counts.put(name, collection.estimatedDocumentCount());
                    samples.put(name, collection.find().limit(compared).into(new ArrayList<>()));
                }
                return new Contents(counts, samples);
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
