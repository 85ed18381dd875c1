package io.dealwire.store.embedded.bson;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Which format an MVStore file holds its documents in, and the one-time migration from the library's format
 * (Java-serialised documents and keys) to BSON bytes under plain keys.
 *
 * <p>The marker {@value #FORMAT_KEY} = {@value #BSON_1} in map {@value #MARKER_MAP} says that every document
 * of the file is in this format. The migration is crash-safe because of the order of its commits: the copies
 * are committed first (possibly in several commits), then the marker, then the removal of the old maps. A crash
 * before the marker's commit leaves the old maps whole (they are only read) and, at the next open, partial
 * copies without a marker, which are dropped before the migration starts again; a crash after it leaves a
 * complete new format and old maps that are removed at the next open.
 */
final class StoreFormat {
    private static final Logger log = LoggerFactory.getLogger(StoreFormat.class);
    static final String MARKER_MAP = "dealwire:format";
    static final String FORMAT_KEY = "documents";
    static final String BSON_1 = "bson-1";
    /** Copies between two commits: bounds the memory a migration holds uncommitted (auto-commit may be off). */
    private static final int COMMIT_EVERY = 5_000;

    /** The points of a migration right after one of its commits (tests stop there, as a kill would). */
    enum Step { PART_COPIED, COPIED, MARKED }

    /** Told of each step of a migration as it is reached. */
    @FunctionalInterface
    interface Progress {
        void reached(Step step);
    }

    private StoreFormat() {
    }

    /** Whether {@code store} holds documents of the library's own format (a file of an earlier version). */
    static boolean isLibraryFormat(MVStore store) {
        return store.getMapNames().stream().anyMatch(MapNames::isLibraryFormat) && marker(store).get(FORMAT_KEY) == null;
    }

    /** Brings {@code store} to this format: marks a new store, migrates an old one, finishes an interrupted migration. */
    static void prepare(MVStore store) {
        prepare(store, COMMIT_EVERY, step -> { });
    }

    static void prepare(MVStore store, int commitEvery, Progress progress) {
        MVMap<String, String> marker = marker(store);
        String format = marker.get(FORMAT_KEY);
        if (format != null && !format.equals(BSON_1)) {
            throw new StoreFormatException("the store file holds documents in format '" + format
                    + "', which this version of Dealwire cannot read (a newer version wrote it)");
        }
        if (format == null) {
            for (String name : mapNames(store)) {
                if (name.startsWith(MapNames.PREFIX)) store.removeMap(name);
            }
            List<String> old = mapNames(store).stream().filter(MapNames::isLibraryFormat).toList();
            if (!old.isEmpty()) copy(store, old, commitEvery, progress);
            store.commit();
            if (!old.isEmpty()) progress.reached(Step.COPIED);
            marker.put(FORMAT_KEY, BSON_1);
            store.commit();
            if (!old.isEmpty()) progress.reached(Step.MARKED);
        }
        List<String> leftovers = mapNames(store).stream().filter(MapNames::isLibraryFormat).toList();
        if (!leftovers.isEmpty()) {
            for (String name : leftovers) store.removeMap(name);
            store.commit();
            log.info("embedded store: removed {} maps of the previous format", leftovers.size());
        }
    }

    private static void commitPart(MVStore store, Progress progress) {
        store.commit();
        progress.reached(Step.PART_COPIED);
    }

    private static MVMap<String, String> marker(MVStore store) {
        return store.openMap(MARKER_MAP);
    }

    private static List<String> mapNames(MVStore store) {
        return List.copyOf(store.getMapNames());
    }

    private static void copy(MVStore store, List<String> maps, int commitEvery, Progress progress) {
        long start = System.nanoTime();
        log.info("embedded store: migrating {} maps to documents as BSON (once; the old format stays until the copy is complete)", maps.size());
        // the copy commits as it goes and H2 compacts in the background, moving live pages of the old maps to new
        // chunks: a cursor opened before would then read a chunk already dropped ("Chunk … not found").
        // Registering the version keeps every chunk it reads until the copy is done.
        var usage = store.registerVersionUsage();
        long copied;
        try {
            copied = copyMaps(store, maps, commitEvery, progress);
        } finally {
            store.deregisterVersionUsage(usage);
        }
        log.info("embedded store: copied {} documents and index entries in {} s", copied, (System.nanoTime() - start) / 1_000_000_000);
    }

    private static long copyMaps(MVStore store, List<String> maps, int commitEvery, Progress progress) {
        long copied = 0;
        for (String name : maps) {
            String target = MapNames.migrated(name);
            MVMap<Object, Object> source = store.openMap(name);
            if (name.startsWith(MapNames.DOCUMENTS)) {
                var documents = BsonDatabase.documents(store, target);
                for (var entry : source.entrySet()) {
                    documents.put(entry.getKey(), BsonBytes.encode((Document) entry.getValue()));
                    if (++copied % commitEvery == 0) commitPart(store, progress);
                }
            } else if (name.startsWith(MapNames.META)) {
                MVMap<Object, Object> meta = store.openMap(target);
                meta.putAll(source);
            } else {
                var index = BsonDatabase.index(store, target);
                for (var entry : source.entrySet()) {
                    index.put((KeyValue) entry.getKey(), entry.getValue());
                    if (++copied % commitEvery == 0) commitPart(store, progress);
                }
            }
        }
        return copied;
    }
}
