package io.dealwire.store.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.dealwire.core.store.StoreUnavailableException;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;

/**
 * The default store: mongo-java-server with its H2 backend, one MVStore file under the data dir,
 * listening on a free loopback port for this process only.
 *
 * <p>An acknowledged write is in the server's memory, not on disk: H2 writes it when the MVStore
 * commits (its background auto-commit is a best effort, a kill loses what it has not reached yet).
 * {@link #commit()} makes every write acknowledged so far durable; ingestion calls it (through
 * {@code Store.commit()}) before a folder checkpoint advances, and {@link #close()} commits last.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    /** The store file, relative to the data dir. */
    public static final String STORE_FILE = "store/dealwire.mv";
    /** H2's page cache: documents are deserialised page by page, so random reads by id depend on it. */
    private static final int CACHE_MB = 32;

    private final MongoServer server;
    private final MongoBackend backend;
    private final MVStore mvStore;
    private final Path file;
    private final String connectionString;
    private boolean closed;

    private EmbeddedMongo(MongoBackend backend, MVStore mvStore, Path file) {
        this.backend = backend;
        this.mvStore = mvStore;
        this.file = file;
        this.server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", 0);
        } catch (RuntimeException e) {
            if (mvStore != null) mvStore.close();
            throw new StoreUnavailableException("the embedded store could not listen on 127.0.0.1: " + e.getMessage(), e);
        }
        this.connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
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
            mvStore = new MVStore.Builder().fileName(file.toString()).compress().cacheSize(CACHE_MB).open();
        } catch (MVStoreException e) {
            throw new StoreUnavailableException("cannot open the store file " + file
                    + " (is another Dealwire running on this data dir?): " + e.getMessage(), e);
        }
        var started = new EmbeddedMongo(new H2Backend(mvStore), mvStore, file);
        log.info("embedded store {} listening on {}", file, started.connectionString);
        return started;
    }

    /** A server over any backend (the memory backend in tests); {@link #commit()} then has nothing to do. */
    public static EmbeddedMongo serve(MongoBackend backend) {
        return new EmbeddedMongo(backend, backend instanceof H2Backend h2 ? h2.getMvStore() : null, null);
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

    /** Makes every acknowledged write durable now: commits the MVStore and forces it to disk. */
    public synchronized void commit() {
        if (closed) throw new StoreUnavailableException(description() + " is stopped: cannot commit");
        if (mvStore == null || mvStore.getFileStore() == null) return;
        try {
            mvStore.commit();
            mvStore.sync();
        } catch (MVStoreException e) {
            throw new StoreUnavailableException(description() + ": commit failed (disk full or not writable?): " + e.getMessage(), e);
        }
    }

    /**
     * Writes a consistent copy of the store file, as of a commit made now, as a zip to {@code out}, while
     * the server keeps running: H2 stops reusing file space during the copy, so committed pages stay put.
     */
    public synchronized void backup(OutputStream out) throws IOException {
        if (mvStore == null || mvStore.getFileStore() == null)
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
        try {
            if (mvStore != null && mvStore.getFileStore() != null && !mvStore.isClosed()) mvStore.commit();
        } finally {
            // shutdown closes the backend, which closes the MVStore (storing anything left)
            server.shutdownNow();
            log.info("{} stopped", description());
        }
    }

    /** Simulates a crash for tests: stops the server and drops the file without writing anything not yet committed. */
    synchronized void crash() {
        closed = true;
        if (mvStore != null) mvStore.closeImmediately();
        server.shutdownNow();
    }
}
