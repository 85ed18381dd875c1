package io.dealwire.api.app;

import io.dealwire.api.config.Config;
import io.dealwire.core.store.Store;
import io.dealwire.index.IndexContext;
import io.dealwire.index.IndexException;
import io.dealwire.index.MessageIndex;
import io.dealwire.index.StoreIndexContext;
import io.dealwire.index.feed.IndexFeeder;
import io.dealwire.index.feed.ProgressListener;
import io.dealwire.index.search.SearchRequest;
import io.dealwire.index.search.SearchResult;
import io.dealwire.core.visibility.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The search index as the service runs it: opened (or rebuilt when missing, unreadable or of another
 * schema), caught up from the store in the background, then fed continuously.
 */
public final class Search implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Search.class);
    private static final Duration FEED_INTERVAL = Duration.ofMillis(250);

    private final MessageIndex index;
    private final IndexFeeder feeder;
    private final Store store;
    private final AtomicReference<String> state = new AtomicReference<>("starting");
    /** Held by whichever rebuild runs, the one on start or an admin's: two never run at once. */
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicLong rebuildsFinished = new AtomicLong();
    private final AtomicLong rebuildDone = new AtomicLong();
    private final AtomicLong rebuildTotal = new AtomicLong();

    private Search(MessageIndex index, IndexFeeder feeder, Store store) {
        this.index = index;
        this.feeder = feeder;
        this.store = store;
    }

    public static Search open(Config config, Store store) {
        var index = openOrRecreate(config.indexDir(), new StoreIndexContext(store));
        var search = new Search(index, new IndexFeeder(store.messages(), index), store);
        // A deleted index opens as a new, empty one: say so and show it as a rebuild, like a corrupt one.
        boolean missing = !index.wasReset() && index.lastIndexedSeq() == 0 && store.messages().lastSeq() > 0;
        if (missing) LOG.warn("the search index in {} is missing or empty while the store holds messages: rebuilding it from the store",
                config.indexDir());
        search.startFeeding(index.wasReset() || missing);
        return search;
    }

    /** A corrupt index is not the system of record: say so, wipe it and rebuild from the store. */
    private static MessageIndex openOrRecreate(Path dir, IndexContext context) {
        try {
            return MessageIndex.open(dir, context);
        } catch (IndexException e) {
            LOG.warn("the search index in {} cannot be read ({}); deleting it and rebuilding it from the store", dir, e.getMessage());
            deleteTree(dir);
            return MessageIndex.open(dir, context);
        }
    }

    /** Rebuilds the index of a stopped service in the calling thread ({@code reindex} command). */
    public static long rebuild(Config config, Store store, ProgressListener progress) {
        try (var index = openOrRecreate(config.indexDir(), new StoreIndexContext(store));
             var feeder = new IndexFeeder(store.messages(), index)) {
            return feeder.rebuild(progress);
        }
    }

    private void startFeeding(boolean rebuild) {
        // The state is set before the thread starts: a health check right after start already sees the rebuild.
        if (rebuild) {
            rebuilding.set(true);
            state.set("rebuilding");
        } else {
            state.set("catching-up");
        }
        // Catching up runs in the background (at background priority, ADR 7): the API answers meanwhile and
        // /api/health shows the progress.
        BackgroundThreads.start("index-catch-up", () -> {
            try {
                if (rebuild) {
                    rebuildHoldingTheGuard();
                } else {
                    long n = feeder.catchUp();
                    if (n > 0) LOG.info("search index caught up with {} stored messages", n);
                    state.set("ready");
                }
                feeder.runEvery(FEED_INTERVAL, BackgroundThreads.factory());
            } catch (RuntimeException e) {
                state.set("error: " + e.getMessage());
                LOG.error("the search index could not catch up with the store", e);
            }
        });
    }

    private ProgressListener progress() {
        return (done, total) -> {
            rebuildDone.set(done);
            rebuildTotal.set(total);
        };
    }

    /**
     * Starts rebuilding the whole index from the store in the background (admin endpoint); false when a
     * rebuild already runs. The state reads "rebuilding" before this returns, so a client polling right
     * after sees the rebuild rather than the state before it.
     */
    public boolean startRebuild() {
        if (!rebuilding.compareAndSet(false, true)) return false;
        state.set("rebuilding");
        BackgroundThreads.start("reindex", () -> {
            try {
                rebuildHoldingTheGuard();
            } catch (RuntimeException e) {
                LOG.error("rebuilding the search index failed; searches answer from the index as it stands", e);
            }
        });
        return true;
    }

    private void rebuildHoldingTheGuard() {
        try {
            feeder.rebuild(progress());
            rebuildsFinished.incrementAndGet();
        } finally {
            state.set("ready");
            rebuilding.set(false);
        }
    }

    public SearchResult search(SearchRequest request, Viewer viewer) {
        return index.search(request, viewer);
    }

    /** The newest messages of these deals or conversations the viewer may read: what {@link io.dealwire.api.context.RecentMail} reads. */
    public java.util.List<io.dealwire.index.search.Hit> newest(String q, SearchRequest.Within within, Viewer viewer, int limit) {
        return index.newest(SearchRequest.newest(q, within, limit), viewer);
    }

    /** Moves whenever what searches see may have changed: {@link MessageIndex#generation()}. */
    public long generation() {
        return index.generation();
    }

    /** A message was just stored: index it now rather than at the next poll. */
    public void poke() {
        feeder.poke();
    }

    public Map<String, Object> status() {
        var m = new LinkedHashMap<String, Object>();
        m.put("state", state.get());
        m.put("documents", index.documentCount());
        m.put("indexedSeq", feeder.indexedSeq());
        m.put("rebuildsFinished", rebuildsFinished.get());
        if ("rebuilding".equals(state.get())) m.put("rebuild", Map.of("done", rebuildDone.get(), "total", rebuildTotal.get()));
        return m;
    }

    @Override
    public void close() {
        feeder.close();
        index.close();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (var p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new IndexException("cannot delete the unreadable index in " + dir + ": " + e.getMessage(), e);
        }
    }
}
