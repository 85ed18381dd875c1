package io.dealwire.store.embedded.bson;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;

/**
 * A unique index's key as a map key: BSON on disk, the values in memory, ordered value by value in MongoDB's
 * order. H2's default type compares these keys (not {@code Comparable}) by serialising both on every comparison.
 */
final class KeyValueType extends BasicDataType<KeyValue> {
    static final KeyValueType INSTANCE = new KeyValueType();
    private static final ValueComparator ORDER = ValueComparator.asc();

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            Object x = a.get(i), y = b.get(i);
            int c = x instanceof String s && y instanceof String t ? s.compareTo(t) : ORDER.compare(x, y);
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) memory += value instanceof String s ? 48 + 2 * s.length() : 32;
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        byte[] bson = BsonBytes.encodeValues(key.stream().toList());
        buffer.putVarInt(bson.length).put(bson);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte[] bson = new byte[IdType.readLength(buffer)];
        buffer.get(bson);
        return new KeyValue(BsonBytes.decodeValues(bson));
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
