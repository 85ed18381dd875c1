package io.dealwire.index;

import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.analysis.MessageAnalyzers;
import io.dealwire.index.mapping.MessageDocuments;
import io.dealwire.index.mapping.MessageFields;
import io.dealwire.index.search.MessageSearcher;
import io.dealwire.index.search.SearchRequest;
import io.dealwire.index.search.SearchResult;
import io.dealwire.index.search.Suggester;
import io.dealwire.index.search.Suggestion;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The full-text index of stored messages: a Lucene index in one directory, fed from the store (never the
 * system of record). Writes are visible to searches within a second (near-real-time reopen); a
 * {@link #commit(long)} makes them durable together with the store position they cover, which is where
 * {@link io.dealwire.index.feed.IndexFeeder} resumes after a restart. An index written with another
 * schema version is wiped on open ({@link #wasReset()}) and refilled from the store.
 */
public final class MessageIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MessageIndex.class);
    static final String SEQ_KEY = "dealwire.seq";
    static final String SCHEMA_KEY = "dealwire.schema";
    /** How often new writes are made searchable: well within the promised second. */
    private static final long REFRESH_MILLIS = 250;

    /** How often a writer closed by a failure (a full disk) is reopened from the last commit. */
    static final long REOPEN_MILLIS = 2000;
    /** Written before a reopen: a flush needs at least this much room. */
    static final int PROBE_BYTES = 4 << 20;

    private final Directory directory;
    private final MessageAnalyzers analyzers;
    /** Replaced together when a failure closed the writer: see {@link #reopenIfFailed()}. */
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    /** Set when the writer was reopened and not yet told to {@link #afterReopen}: the commit it restarted from. */
    private final java.util.concurrent.atomic.AtomicLong rewoundTo = new java.util.concurrent.atomic.AtomicLong(-1);
    private volatile String problem;
    private volatile int reopens;
    private long lastReopenAttempt;
    private final Thread refresher;
    /** While > 0 (a rebuild or a long catch-up), no periodic refresh: each would flush a tiny segment. */
    private final java.util.concurrent.atomic.AtomicInteger bulkWriters = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closing;
    private final MessageDocuments documents;
    private final MessageSearcher searcher;
    private final Suggester suggester;
    private final boolean reset;
    private volatile long committedSeq;
    /** Moves after every refresh that changed what searches see: see {@link #generation()}. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private MessageIndex(Directory directory, IndexContext context, boolean reset, long committedSeq) throws IOException {
        this.directory = directory;
        this.analyzers = new MessageAnalyzers();
        this.writer = new IndexWriter(directory, writerConfig(reset ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = countingRefreshes(new SearcherManager(writer, null));
        this.refresher = Thread.ofVirtual().name("message-index-refresh").start(this::refreshPeriodically);
        this.documents = new MessageDocuments(context);
        this.searcher = new MessageSearcher(analyzers);
        this.suggester = new Suggester(analyzers);
        this.reset = reset;
        this.committedSeq = committedSeq;
        if (reset) commit(0);
    }

    private IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzers.perField()).setOpenMode(mode).setRAMBufferSizeMB(64);
    }

    /** Opens (or creates) the index in {@code dir}. */
    public static MessageIndex open(Path dir, IndexContext context) {
        try {
            Files.createDirectories(dir);
            return open(FSDirectory.open(dir), context, dir.toString());
        } catch (IOException e) {
            throw new IndexException("cannot open the search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens (or creates) the index in {@code directory} (tests wrap one that fails like a full disk). */
    static MessageIndex open(Directory directory, IndexContext context, String dir) {
        try {
            boolean reset = false;
            long seq = 0;
            if (DirectoryReader.indexExists(directory)) {
                var userData = SegmentInfos.readLatestCommit(directory).getUserData();
                var schema = userData.get(SCHEMA_KEY);
                if (!String.valueOf(MessageFields.SCHEMA_VERSION).equals(schema)) {
                    log.warn("search index in {} has schema version {}, this version reads {}: rebuilding it from the store",
                            dir, schema == null ? "unknown" : schema, MessageFields.SCHEMA_VERSION);
                    reset = true;
                } else {
                    seq = Long.parseLong(userData.getOrDefault(SEQ_KEY, "0"));
                }
            }
            return new MessageIndex(directory, context == null ? IndexContext.NONE : context, reset, seq);
        } catch (IOException | NumberFormatException e) {
            throw new IndexException("cannot open the search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds or replaces the message (by id): indexing the same message twice leaves one document. An ignored
     * message (personal mail matched by an ignore rule) is kept out of the index, and removed if it was in.
     */
    public void index(StoredMessage message) {
        if (message.ignored()) {
            delete(message.id());
            return;
        }
        try {
            writer.updateDocument(new Term(MessageFields.ID, message.id()), documents.toDocument(message));
        } catch (IOException | AlreadyClosedException e) {
            throw failed("cannot index message " + message.id(), e);
        }
    }

    public void delete(String messageId) {
        try {
            writer.deleteDocuments(new Term(MessageFields.ID, messageId));
        } catch (IOException | AlreadyClosedException e) {
            throw failed("cannot remove message " + messageId + " from the index", e);
        }
    }

    /** Removes every message (before a rebuild); durable at the next {@link #commit(long)}. */
    public void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException | AlreadyClosedException e) {
            throw failed("cannot clear the search index", e);
        }
    }

    /** The store position covered by the last commit: everything up to it is in the index. */
    public long lastIndexedSeq() {
        return committedSeq;
    }

    /** Makes every write so far durable, recording that they cover the store up to {@code storeSeq}. */
    public synchronized void commit(long storeSeq) {
        try {
            writer.setLiveCommitData(Map.of(SEQ_KEY, Long.toString(storeSeq),
                    SCHEMA_KEY, Integer.toString(MessageFields.SCHEMA_VERSION)).entrySet());
            writer.commit();
            committedSeq = storeSeq;
        } catch (IOException | AlreadyClosedException e) {
            throw failed("cannot commit the search index", e);
        }
    }

    /**
     * A number that moves whenever what searches see may have changed (a refresh that made new writes or deletions
     * searchable, a rebuild, a writer reopened after a failure) and stays put otherwise. A search made after reading
     * generation {@code g} sees the index at least as it stood at {@code g}, so an answer read after {@code g} may be
     * kept for as long as the generation is still {@code g}.
     */
    public long generation() {
        return generation.get();
    }

    /**
     * Counts the refreshes that changed what searches see; the count moves after the new searcher is handed out. A
     * refresh after a commit that wrote nothing new (the feeder commits every few seconds, busy or not) opens a new
     * reader over the same segments and deletions: it does not count.
     */
    private SearcherManager countingRefreshes(SearcherManager manager) {
        manager.addListener(new org.apache.lucene.search.ReferenceManager.RefreshListener() {
            /** What the last counted searcher held; only touched by refreshes, which the manager runs one at a time. */
            private List<Segment> seen = List.of();

            @Override
            public void beforeRefresh() {
            }

            @Override
            public void afterRefresh(boolean didRefresh) throws IOException {
                if (!didRefresh) return;
                var now = segments(manager);
                if (!now.equals(seen)) {
                    seen = now;
                    generation.incrementAndGet();
                }
            }
        });
        return manager;
    }

    /**
     * One segment as a searcher sees it: its contents (segments are written once; a merge makes a new one) and how
     * many of its documents are live (deletions only ever lower it; the index uses no in-place updates).
     */
    private record Segment(Object core, int liveDocs) {
    }

    private static List<Segment> segments(SearcherManager manager) throws IOException {
        var searcher = manager.acquire();
        try {
            var out = new java.util.ArrayList<Segment>();
            for (var leaf : searcher.getIndexReader().leaves()) {
                var core = leaf.reader().getCoreCacheHelper();
                // without a core key the segment cannot be recognised: count it as new
                out.add(new Segment(core == null ? new Object() : core.getKey(), leaf.reader().numDocs()));
            }
            return out;
        } finally {
            manager.release(searcher);
        }
    }

    /** Makes every write so far visible to searches now (the background reopen does it within a second anyway). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException | AlreadyClosedException e) {
            throw failed("cannot refresh the search index", e);
        }
    }

    /**
     * Runs a bulk write (rebuild, long catch-up) without the periodic refreshes, which would otherwise cut
     * the writes into many tiny segments to merge; searchers are refreshed once at the end.
     */
    public <T> T bulk(java.util.function.Supplier<T> work) {
        bulkWriters.incrementAndGet();
        try {
            return work.get();
        } finally {
            bulkWriters.decrementAndGet();
            refresh();
        }
    }

    private void refreshPeriodically() {
        while (!closing) {
            try {
                Thread.sleep(REFRESH_MILLIS);
                if (closing) return;
                if (writer.getTragicException() != null || problem != null) {
                    reopenIfFailed();
                } else if (bulkWriters.get() == 0) {
                    searchers.maybeRefresh();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | AlreadyClosedException e) {
                if (!closing && writer.getTragicException() == null) log.warn("periodic refresh of the search index failed; retrying", e);
            } catch (IndexException e) {
                log.debug("the search index cannot be reopened yet: {}", e.getMessage());
            }
        }
    }

    /**
     * The exception for a failed write. When the failure closed the writer (Lucene does after a failed flush,
     * e.g. on a full disk) the index is marked degraded: the writer reopens from the last commit, by itself,
     * once the directory accepts it again; searches keep answering from the last searchable state meanwhile.
     */
    private IndexException failed(String what, Exception e) {
        var tragic = writer.getTragicException();
        if (tragic != null && problem == null && !closing) {
            problem = "the index writer closed after a failure (" + tragic + "); reopening from the last commit (store position "
                    + committedSeq + ") when the disk accepts writes";
            log.error("search index: {}", problem, tragic);
        }
        return new IndexException(what + ": " + (problem != null ? problem : e.getMessage()), e);
    }

    /**
     * Reopens a writer closed by a failure from the index's last commit (at most every {@link #REOPEN_MILLIS}).
     * What was indexed after that commit is gone: {@link #afterReopen} tells the feeder where to resume.
     */
    synchronized void reopenIfFailed() {
        if (closing || writer.getTragicException() == null && problem == null) return;
        long now = System.currentTimeMillis();
        if (now - lastReopenAttempt < REOPEN_MILLIS) return;
        lastReopenAttempt = now;
        if (problem == null) failed("reopening", new IOException("writer closed"));
        try {
            // opening a writer writes nothing, so it would succeed on a full disk and fail again at the next flush
            probeWrite();
            var old = writer;
            try {
                old.rollback();
            } catch (IOException | RuntimeException e) {
                log.debug("rolling back the failed index writer: {}", e.toString());
            }
            var fresh = new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            long seq = Long.parseLong(SegmentInfos.readLatestCommit(directory).getUserData().getOrDefault(SEQ_KEY, "0"));
            var oldSearchers = searchers;
            searchers = countingRefreshes(new SearcherManager(fresh, null));
            writer = fresh;
            generation.incrementAndGet(); // searches now read the reopened writer's commit
            committedSeq = seq;
            rewoundTo.set(seq);
            problem = null;
            reopens++;
            try {
                oldSearchers.close();
            } catch (IOException | RuntimeException e) {
                log.debug("closing the searchers of the failed index writer: {}", e.toString());
            }
            log.warn("search index writer reopened from its last commit (store position {}); what was indexed after it is indexed again", seq);
        } catch (IOException | RuntimeException e) {
            throw new IndexException("cannot reopen the search index writer yet: " + e.getMessage(), e);
        }
    }

    /** Writes and syncs {@value #PROBE_BYTES} bytes in the index directory, then deletes them: fails while the disk is full. */
    private void probeWrite() throws IOException {
        String name;
        try (var out = directory.createTempOutput("reopen-probe", "tmp", org.apache.lucene.store.IOContext.DEFAULT)) {
            name = out.getName();
            var chunk = new byte[64 << 10];
            for (int written = 0; written < PROBE_BYTES; written += chunk.length) out.writeBytes(chunk, chunk.length);
        }
        try {
            directory.sync(List.of(name));
        } finally {
            directory.deleteFile(name);
        }
    }

    /**
     * Tells {@code resumeFrom} the store position of the commit the writer was reopened from, once per reopen
     * (nothing when the writer was not reopened since the last call): an indexer must index again from there.
     */
    public void afterReopen(java.util.function.LongConsumer resumeFrom) {
        long seq = rewoundTo.getAndSet(-1);
        if (seq >= 0) resumeFrom.accept(seq);
    }

    /** Why writes to the index fail now, or empty when they do not (for the health check). */
    public java.util.Optional<String> problem() {
        return java.util.Optional.ofNullable(problem);
    }

    /** How often the writer was reopened after a failure since the index was opened. */
    public int reopens() {
        return reopens;
    }

    /** Messages the viewer may see matching the request; {@link io.dealwire.index.search.SearchRequestException} on a bad query or cursor. */
    public SearchResult search(SearchRequest request, Viewer viewer) {
        return read("search", s -> searcher.search(s, request, viewer));
    }

    /**
     * The newest messages of a {@link SearchRequest#newest} request the viewer may see, without counting every match
     * (the lookup of the context, which shows no total).
     */
    public List<io.dealwire.index.search.Hit> newest(SearchRequest request, Viewer viewer) {
        return read("newest", s -> searcher.newestHits(s, request, viewer));
    }

    /**
     * Companies, deals and contacts whose name (or address) has words starting with {@code prefix}, drawn
     * only from messages the viewer may see, most frequent first.
     */
    public List<Suggestion> suggest(String prefix, Viewer viewer, int limit) {
        return read("suggestions", s -> suggester.suggest(s, prefix, viewer, Math.min(limit, SearchRequest.MAX_LIMIT)));
    }

    /** Documents visible to searches now (for progress and health checks). */
    public long documentCount() {
        return read("count", s -> (long) s.getIndexReader().numDocs());
    }

    private interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code work} on the current point-in-time searcher, released afterwards. */
    private <T> T read(String what, Read<T> work) {
        IndexSearcher s;
        var searchers = this.searchers; // the writer may be reopened meanwhile: release to the manager acquired from
        try {
            s = searchers.acquire();
        } catch (IOException e) {
            throw new IndexException("cannot open the search index for reading: " + e.getMessage(), e);
        }
        try {
            return work.apply(s);
        } catch (IOException e) {
            throw new IndexException(what + " failed: " + e.getMessage(), e);
        } finally {
            try {
                searchers.release(s);
            } catch (IOException e) {
                log.warn("could not release an index searcher", e);
            }
        }
    }

    /** True when the index found on open had another schema version and was wiped: it must be refilled. */
    public boolean wasReset() {
        return reset;
    }

    /**
     * Commits what was written (deletions included, which the store cannot replay) without advancing the
     * recorded store position: messages indexed after the last {@link #commit(long)} are simply re-read.
     */
    @Override
    public void close() {
        try {
            closing = true;
            refresher.interrupt();
            refresher.join();
            searchers.close();
            if (writer.getTragicException() == null) {
                commit(committedSeq);
                writer.close();
            } else {
                // nothing to save from a writer a failure closed: the last commit is what the index holds
                writer.rollback();
            }
            directory.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("interrupted while closing the search index", e);
        } catch (IOException e) {
            throw new IndexException("cannot close the search index: " + e.getMessage(), e);
        }
    }
}
