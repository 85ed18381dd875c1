package io.dealwire.store.embedded.bson;

import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.Collections;

/**
 * A document's position (its {@code _id}, or the generated key of a collection without one) as a map key: BSON
 * on disk, the value itself in memory, ordered by MongoDB's value order. H2's default key type would order such
 * values by serialising them.
 */
final class IdType extends BasicDataType<Object> {
    static final IdType INSTANCE = new IdType();
    private static final ValueComparator ORDER = ValueComparator.asc();

    private IdType() {
    }

    @Override
    public int compare(Object a, Object b) {
        // the ids of Dealwire's collections are strings: MongoDB orders two strings as String.compareTo does
        if (a instanceof String x && b instanceof String y) return x.compareTo(y);
        return ORDER.compare(a, b);
    }

    @Override
    public int getMemory(Object id) {
        return id instanceof String s ? 48 + 2 * s.length() : 64;
    }

    @Override
    public void write(WriteBuffer buffer, Object id) {
        byte[] bson = BsonBytes.encodeValues(Collections.singletonList(id));
        buffer.putVarInt(bson.length).put(bson);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte[] bson = new byte[readLength(buffer)];
        buffer.get(bson);
        return BsonBytes.decodeValues(bson).getFirst();
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    static int readLength(ByteBuffer buffer) {
        return org.h2.mvstore.DataUtils.readVarInt(buffer);
    }
}
