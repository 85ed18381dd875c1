package io.dealwire.bench.store;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.dealwire.bench.cli.Args;
import io.dealwire.store.MongoStore;
import io.dealwire.store.embedded.bson.BsonH2Backend;
import io.dealwire.store.mapping.MessageMapping;
import org.bson.RawBsonDocument;
import org.h2.mvstore.MVStore;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * What the embedded store's server spends per stored message, by storage format: real message documents (read
 * from a store file of an ingested corpus, opened read-only) are inserted in batches with a commit after each,
 * as the intake does, then replaced, read by id in random order and scanned, through the MongoDB driver into a
 * fresh store of the library's H2 format and of the BSON format. CPU is counted on the server's threads and, for
 * the commits, on the thread that commits (page serialisation happens there).
 */
public final class StoreWriteCost {
    private static final String WORKER_PREFIX = "mongo-server";

    private record Format(String name, Function<MVStore, MongoBackend> backend) {
    }

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv);
        Path source = args.path("source");
        int count = args.integer("messages", 5_000);
        int batch = args.integer("batch", 500);
        int rounds = args.integer("rounds", 2);

        List<RawBsonDocument> messages = readMessages(source, count);
        System.out.printf("%d message documents from %s, %.0f bytes of BSON on average%n", messages.size(), source,
                messages.stream().mapToInt(d -> d.getByteBuffer().remaining()).average().orElse(0));
        var formats = List.of(new Format("library (Java serialisation)", H2Backend::new),
                new Format("BSON bytes", BsonH2Backend::open));
        for (int round = 1; round <= rounds; round++) {
            // the first round also warms the JIT for both formats
            for (var format : formats) measure(format, messages, batch, round);
        }
    }

    private static List<RawBsonDocument> readMessages(Path storeFile, int count) {
        var mv = new MVStore.Builder().fileName(storeFile.toString()).readOnly().open();
        var server = new MongoServer(new H2Backend(mv));
        try {
            server.bind("127.0.0.1", 0);
            try (var client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                return client.getDatabase(MongoStore.DEFAULT_DATABASE).getCollection(MessageMapping.COLLECTION, RawBsonDocument.class)
                        .find().limit(count).into(new ArrayList<>());
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static void measure(Format format, List<RawBsonDocument> messages, int batch, int round) throws Exception {
        Path dir = Files.createTempDirectory("dealwire-store-write-cost");
        Path file = dir.resolve("dealwire.mv");
        var mv = new MVStore.Builder().fileName(file.toString()).compress().cacheSize(32).open();
        var server = new MongoServer(format.backend().apply(mv));
        try {
            server.bind("127.0.0.1", 0);
            try (var client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                MongoCollection<RawBsonDocument> collection = client.getDatabase(MongoStore.DEFAULT_DATABASE)
                        .getCollection(MessageMapping.COLLECTION, RawBsonDocument.class);
                int n = messages.size();
                var cpu = new Cpu();

                for (int from = 0; from < n; from += batch) {
                    collection.insertMany(messages.subList(from, Math.min(n, from + batch)), new InsertManyOptions().ordered(false));
                    cpu.commit(mv);
                }
                String insert = cpu.take(n);

                for (int from = 0; from < n; from += batch) {
                    var writes = new ArrayList<ReplaceOneModel<RawBsonDocument>>();
                    for (var d : messages.subList(from, Math.min(n, from + batch))) {
                        writes.add(new ReplaceOneModel<>(Filters.eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true)));
                    }
                    collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
                    cpu.commit(mv);
                }
                String replace = cpu.take(n);

                // reads by id from a store reopened cold, as after a restart
                server.shutdownNow();
                mv = new MVStore.Builder().fileName(file.toString()).compress().cacheSize(32).open();
                server = new MongoServer(format.backend().apply(mv));
                server.bind("127.0.0.1", 0);
                try (var reader = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                    var readCollection = reader.getDatabase(MongoStore.DEFAULT_DATABASE)
                            .getCollection(MessageMapping.COLLECTION, RawBsonDocument.class);
                    var ids = new ArrayList<>(messages.stream().map(d -> d.get("_id")).toList());
                    Collections.shuffle(ids, new Random(42));
                    cpu.take(1);
                    for (var id : ids) {
                        if (readCollection.find(Filters.eq("_id", id)).first() == null) throw new IllegalStateException("lost " + id);
                    }
                    String find = cpu.take(n);
                    long scanned = readCollection.find().into(new ArrayList<>()).size();
                    if (scanned != n) throw new IllegalStateException("scan found " + scanned + " of " + n);
                    String scan = cpu.take(n);
                    System.out.printf("round %d, %-30s µs of CPU per message (server threads + commit): insert %s, replace %s, "
                                    + "find by id (cold) %s, full scan %s; file %.1f MB%n",
                            round, format.name(), insert, replace, find, scan, Files.size(file) / 1e6);
                }
            }
        } finally {
            server.shutdownNow();
            try (var paths = Files.walk(dir)) {
                for (var p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** CPU of the server's threads and of the commits on this thread since the last {@link #take}. */
    private static final class Cpu {
        private final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        private long server = serverNanos();
        private long commits;

        void commit(MVStore mv) {
            long before = bean.getCurrentThreadCpuTime();
            mv.commit();
            mv.sync();
            commits += bean.getCurrentThreadCpuTime() - before;
        }

        String take(int operations) {
            long now = serverNanos();
            String out = String.format("%.0f+%.0f", (now - server) / 1e3 / operations, commits / 1e3 / operations);
            server = now;
            commits = 0;
            return out;
        }

        private long serverNanos() {
            long sum = 0;
            for (var info : bean.getThreadInfo(bean.getAllThreadIds())) {
                if (info != null && (info.getThreadName().startsWith(WORKER_PREFIX) || info.getThreadName().startsWith("MVStore"))) {
                    sum += Math.max(0, bean.getThreadCpuTime(info.getThreadId()));
                }
            }
            return sum;
        }
    }
}
