package io.dealwire.store.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.dealwire.core.store.StoreUnavailableException;
import io.dealwire.store.embedded.bson.BsonH2Backend;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipOutputStream;

/**
 * The default store: mongo-java-server with its H2 backend, one MVStore file under the data dir,
 * listening on a free loopback port for this process only. Documents are stored as BSON bytes
 * ({@link BsonH2Backend}, ADR 0006); a file of the library's own format is migrated once when opened.
 *
 * <p>An acknowledged write is in the server's memory, not on disk: H2 writes it when the MVStore
 * commits (its background auto-commit is a best effort, a kill loses what it has not reached yet).
 * {@link #commit()} makes every write acknowledged so far durable; ingestion calls it (through
 * {@code Store.commit()}) before a folder checkpoint advances, and {@link #close()} commits last.
 *
 * <p>When a write to the file fails (a full disk), H2 closes the store for good. The server then refuses
 * every data command as unavailable ({@link GatedBackend}), and a watcher reopens the same file once a
 * probe write in the store directory succeeds again: what the file held at its last commit comes back,
 * writes acknowledged after it are lost. Before the server accepts commands again, every
 * {@link Recovery} runs against the reopened store on a private port (the store's in-process lookups are
 * reloaded there, see ADR 0002).
 */
public final class EmbeddedMongo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    /** The store file, relative to the data dir. */
    public static final String STORE_FILE = "store/dealwire.mv";
    /** H2's page cache: pages of documents (BSON bytes) read from the file are kept in it. */
    private static final int CACHE_MB = 32;
    /** How often a closed store is noticed (when no command noticed it first) and a reopen is tried. */
    static final Duration REOPEN_INTERVAL = Duration.ofSeconds(2);
    /** Written and forced in the store directory before a reopen: H2 needs room for a few chunks. */
    static final int PROBE_BYTES = 4 << 20;

    /** Brings what this process keeps beside the store in step with a reopened store, before it serves again. */
    @FunctionalInterface
    public interface Recovery {
        /**
         * @param connectionString a private server on the reopened store, for this call only (the public
         *                         one refuses commands until every recovery returned)
         */
        void recover(String connectionString);
    }

    /** Whether a write can reach the disk now; throws when not (tests inject a full disk). */
    @FunctionalInterface
    interface WriteProbe {
        void check(Path directory) throws IOException;
    }

    /** What the health check shows of the store. */
    public record Status(boolean available, String problem, Instant downSince, int reopens, Instant lastReopen) {
    }

    private final MongoServer server;
    private final GatedBackend backend;
    private volatile MVStore mvStore;
    private final Path file;
    private final String connectionString;
    private final WriteProbe probe;
    private final List<Recovery> recoveries = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Non-null while the store is down: why, as every refused command says it. */
    private volatile String problem;
    private volatile Instant downSince;
    private volatile int reopens;
    private volatile Instant lastReopen;
    private final Thread watcher;

    private final boolean autoCommit;

    private EmbeddedMongo(MongoBackend h2, MVStore mvStore, Path file, WriteProbe probe, Duration reopenInterval, boolean autoCommit) {
        this.mvStore = mvStore;
        this.autoCommit = autoCommit;
        this.file = file;
        this.probe = probe;
        this.backend = GatedBackend.over(h2, this::refusal, this::noticeClosedStore);
        this.server = new MongoServer(backend.backend());
        try {
            server.bind("127.0.0.1", 0);
        } catch (RuntimeException e) {
            if (mvStore != null) mvStore.close();
            throw new StoreUnavailableException("the embedded store could not listen on 127.0.0.1: " + e.getMessage(), e);
        }
        this.connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        this.watcher = file == null ? null
                : Thread.ofVirtual().name("embedded-store-watcher").start(() -> watch(reopenInterval));
    }

    /** The store file of a data dir. */
    public static Path storeFile(Path dataDir) {
        return dataDir.resolve(STORE_FILE);
    }

    /**
     * Opens (or creates) the store file under {@code dataDir} and starts the server.
     *
     * @throws StoreUnavailableException when the data dir cannot be created or written, or the store file is
     *                                   in use by another process or unreadable
     */
    public static EmbeddedMongo start(Path dataDir) {
        return start(dataDir, EmbeddedMongo::probeWrite, REOPEN_INTERVAL, true);
    }

    /** @param autoCommit false in tests that must know exactly which writes a commit covers */
    static EmbeddedMongo start(Path dataDir, WriteProbe probe, Duration reopenInterval, boolean autoCommit) {
        Path file = storeFile(dataDir).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create the store directory " + file.getParent()
                    + " (set DEALWIRE_DATA_DIR to a writable directory): " + e, e);
        }
        if (!Files.isWritable(file.getParent()) || Files.exists(file) && !Files.isWritable(file)) {
            throw new StoreUnavailableException("the store directory " + file.getParent()
                    + " is not writable (set DEALWIRE_DATA_DIR to a writable directory)");
        }
        MVStore mvStore;
        try {
            mvStore = openFile(file, autoCommit);
        } catch (MVStoreException e) {
            throw new StoreUnavailableException("cannot open the store file " + file
                    + " (is another Dealwire running on this data dir?): " + e.getMessage(), e);
        }
        H2Backend backend;
        try {
            backend = BsonH2Backend.open(mvStore);
        } catch (RuntimeException e) {
            mvStore.closeImmediately();
            if (e instanceof StoreUnavailableException) throw e;
            throw new StoreUnavailableException("cannot read the store file " + file + ": " + e.getMessage(), e);
        }
        var started = new EmbeddedMongo(backend, mvStore, file, probe, reopenInterval, autoCommit);
        log.info("embedded store {} listening on {}", file, started.connectionString);
        return started;
    }

    private static MVStore openFile(Path file, boolean autoCommit) {
        // H2's default chunk size stays: with ~5 MB chunks (autoCommitBufferSize 256 KB), which removed the full GCs
        // of an ingest at -Xmx512m, the crash loop's SIGKILLs tore inserts and once left a file H2 could not open
        // ("Chunk … not found"); see ADR 0006.
        var builder = new MVStore.Builder().fileName(file.toString()).compress().cacheSize(CACHE_MB);
        return (autoCommit ? builder : builder.autoCommitDisabled()).open();
    }

    /** A server over any backend (the memory backend in tests); {@link #commit()} then has nothing to do. */
    public static EmbeddedMongo serve(MongoBackend backend) {
        return new EmbeddedMongo(backend, backend instanceof H2Backend h2 ? h2.getMvStore() : null, null, null, REOPEN_INTERVAL, true);
    }

    public String connectionString() {
        return connectionString;
    }

    /** A short name for messages and logs: the store file, or "in-memory embedded store". */
    public String description() {
        return file == null ? "in-memory embedded store" : "embedded store " + file;
    }

    /** The store file, or null for a server not backed by a file. */
    public Path file() {
        return file;
    }

    /** Runs {@code recovery} after every reopen of the store, before the server answers again. */
    public void onReopen(Recovery recovery) {
        recoveries.add(recovery);
    }

    public Status status() {
        String why = refusal();
        return new Status(why == null, why, downSince, reopens, lastReopen);
    }

    /** Makes every acknowledged write durable now: commits the MVStore and forces it to disk. */
    public synchronized void commit() {
        if (closed) throw new StoreUnavailableException(description() + " is stopped: cannot commit");
        String why = refusal();
        if (why != null) throw new StoreUnavailableException(why);
        var store = mvStore;
        if (store == null || store.getFileStore() == null) return;
        try {
            store.commit();
            store.sync();
        } catch (MVStoreException e) {
            markDown(e);
            throw new StoreUnavailableException(description() + ": commit failed (disk full or not writable?): " + e.getMessage(), e);
        }
    }

    /**
     * Writes a consistent copy of the store file, as of a commit made now, as a zip to {@code out}, while
     * the server keeps running: H2 stops reusing file space during the copy, so committed pages stay put.
     */
    public synchronized void backup(OutputStream out) throws IOException {
        var store = mvStore;
        if (store == null || store.getFileStore() == null)
            throw new IllegalStateException(description() + " has no file to back up");
        commit();
        var zip = new ZipOutputStream(out);
        mvStore.getFileStore().backup(zip);
        zip.finish();
    }

    /** Commits, stops the server and closes the store file. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (watcher != null) watcher.interrupt();
        var store = mvStore;
        try {
            if (store != null && store.getFileStore() != null && !store.isClosed()) store.commit();
        } catch (MVStoreException e) {
            log.warn("{}: the last commit failed, writes since the previous one are lost: {}", description(), e.getMessage());
        } finally {
            // shutdown closes the backend, which closes the MVStore (storing anything left)
            server.shutdownNow();
            log.info("{} stopped", description());
        }
    }

    /** Simulates a crash for tests: stops the server and drops the file without writing anything not yet committed. */
    synchronized void crash() {
        closed = true;
        if (watcher != null) watcher.interrupt();
        if (mvStore != null) mvStore.closeImmediately();
        server.shutdownNow();
    }

    /** Simulates what H2 does when a write fails (tests): the store closes for good and writes since the last commit are lost. */
    void failForTest(String why) {
        try {
            mvStore.panic(org.h2.mvstore.DataUtils.newMVStoreException(org.h2.mvstore.DataUtils.ERROR_WRITING_FAILED, why));
        } catch (MVStoreException expected) {
            // panic records the failure and rethrows; H2's write path then closes the store
        }
        mvStore.closeImmediately();
    }

    /** Null while commands may pass; else why not. Notices a store H2 has closed since the last call. */
    private String refusal() {
        if (closed) return description() + " is stopped";
        String why = problem;
        if (why != null) return why;
        var store = mvStore;
        if (store != null && (store.getPanicException() != null || store.isClosed())) {
            markDown(store.getPanicException());
            return problem;
        }
        return null;
    }

    private void noticeClosedStore() {
        refusal();
    }

    private synchronized void markDown(Throwable cause) {
        if (problem != null || closed) return;
        downSince = Instant.now();
        problem = description() + " closed after a failed write (" + (cause == null ? "no detail" : cause.getMessage())
                + "); it reopens by itself once the disk accepts writes again";
        log.error("{}; refusing commands until then", problem, cause);
    }

    private void watch(Duration interval) {
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            if (refusal() != null && !closed) {
                try {
                    reopen();
                } catch (RuntimeException e) {
                    log.warn("{}: reopening failed, retrying in {} s: {}", description(), interval.toSeconds(), e.getMessage(), e);
                }
            }
        }
    }

    /** Reopens the file once a probe write succeeds, runs the recoveries privately, then serves again. */
    private void reopen() {
        try {
            probe.check(file.getParent());
        } catch (IOException e) {
            log.debug("{}: the disk does not accept writes yet: {}", description(), e.toString());
            return;
        }
        var old = mvStore;
        if (old != null) old.closeImmediately();
        MVStore fresh = openFile(file, autoCommit);
        H2Backend h2;
        try {
            h2 = BsonH2Backend.open(fresh);
        } catch (RuntimeException e) {
            fresh.closeImmediately();
            throw e;
        }
        var recoveryServer = new MongoServer(GatedBackend.borrowing(h2).backend());
        try {
            recoveryServer.bind("127.0.0.1", 0);
            String privateConnection = "mongodb://127.0.0.1:" + recoveryServer.getLocalAddress().getPort();
            for (var recovery : recoveries) recovery.recover(privateConnection);
            fresh.commit();
        } catch (RuntimeException e) {
            fresh.closeImmediately();
            throw e;
        } finally {
            recoveryServer.shutdownNow();
        }
        synchronized (this) {
            if (closed) {
                fresh.close();
                return;
            }
            backend.swap(h2);
            mvStore = fresh;
            long downMillis = Duration.between(downSince, Instant.now()).toMillis();
            // counted before the store reads as available: status() reads these without the lock
            reopens++;
            lastReopen = Instant.now();
            downSince = null;
            problem = null;
            log.warn("{} reopened after {} s down: writes acknowledged after its last commit before the failure are lost "
                    + "and are fetched again", description(), downMillis / 1000);
        }
    }

    /** Writes and forces {@value #PROBE_BYTES} bytes in {@code directory}, then deletes them. */
    static void probeWrite(Path directory) throws IOException {
        Path probeFile = directory.resolve(".write-probe");
        try (var channel = FileChannel.open(probeFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            var chunk = ByteBuffer.allocate(64 << 10);
            for (int written = 0; written < PROBE_BYTES; written += chunk.capacity()) {
                chunk.clear();
                while (chunk.hasRemaining()) channel.write(chunk);
            }
            channel.force(true);
        } finally {
            Files.deleteIfExists(probeFile);
        }
    }
}
