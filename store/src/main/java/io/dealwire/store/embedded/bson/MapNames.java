package io.dealwire.store.embedded.bson;

/**
 * The names of the MVStore maps of both formats. The library's H2 backend names a collection's documents
 * {@code databases.<db>.<collection>}, its size {@code meta.<db>.<collection>} and an index
 * {@code <db>.<collection>._index_<name>}; this format uses the same names behind {@value #PREFIX}, so that the
 * two can sit in one file during a migration and a database is found again from its map names.
 */
final class MapNames {
    static final String PREFIX = "bson:";
    static final String DOCUMENTS = "databases.";
    static final String META = "meta.";
    static final String INDEX = "._index_";

    private MapNames() {
    }

    static String documents(String fullCollectionName) {
        return PREFIX + DOCUMENTS + fullCollectionName;
    }

    static String meta(String fullCollectionName) {
        return PREFIX + META + fullCollectionName;
    }

    static String index(String fullCollectionName, String indexName) {
        return PREFIX + fullCollectionName + INDEX + indexName;
    }

    /** Whether {@code name} is a map of the library's own format (documents, sizes or indexes). */
    static boolean isLibraryFormat(String name) {
        return !name.startsWith(PREFIX) && !name.startsWith(StoreFormat.MARKER_MAP)
                && (name.startsWith(DOCUMENTS) || name.startsWith(META) || name.contains(INDEX));
    }

    /** The name this format gives to the library-format map {@code name}. */
    static String migrated(String libraryName) {
        return PREFIX + libraryName;
    }
}
