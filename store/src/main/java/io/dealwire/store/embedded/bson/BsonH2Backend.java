package io.dealwire.store.embedded.bson;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with documents stored as BSON bytes and keys of explicit types instead of
 * Java serialisation (ADR 0006): the same wire protocol and query engine, the same MVStore file and commits.
 * A file of the library's own format is migrated once when opened ({@link StoreFormat}).
 */
public final class BsonH2Backend extends H2Backend {
    private BsonH2Backend(MVStore mvStore) {
        super(mvStore);
        mvStore.getMapNames().stream()
                .filter(name -> name.startsWith(MapNames.documents("")))
                .map(name -> name.substring(MapNames.documents("").length()))
                .map(fullName -> fullName.substring(0, fullName.indexOf('.')))
                .distinct()
                .forEach(this::resolveDatabase);
    }

    /**
     * A backend on {@code mvStore}, migrating its documents from the library's format first if needed.
     *
     * @throws StoreFormatException when the file was written in a format this version does not know
     */
    public static BsonH2Backend open(MVStore mvStore) {
        StoreFormat.prepare(mvStore);
        return new BsonH2Backend(mvStore);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonDatabase(databaseName, getMvStore(), getCursorRegistry());
    }
}
