package io.dealwire.store.embedded.bson;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Documents and keys survive the trip to the page format and back with their Java types, and keys keep MongoDB's order. */
class BsonKeyAndDocumentTypesTest {

    @Test
    void aDocumentWithEveryStoredTypeComesBackEqual() {
        var nested = new Document("a", 1).append("list", List.of("x", 2L, new Document("deep", true)));
        var document = new Document("_id", "m1")
                .append("int", 42).append("long", 1L << 40).append("double", 2.5)
                .append("decimal", new Decimal128(new BigDecimal("12.34")))
                .append("string", "grüße \u2603").append("empty", "")
                .append("null", null).append("true", true).append("false", false)
                .append("date", Instant.parse("2025-03-01T10:00:00.123Z"))
                .append("oid", new ObjectId()).append("uuid", UUID.randomUUID())
                .append("legacyUuid", new LegacyUUID(UUID.randomUUID()))
                .append("bin", new BinData(new byte[]{0, 1, 2, (byte) 255}))
                .append("timestamp", new BsonTimestamp(1_700_000_000L << 32 | 7))
                .append("min", MinKey.getInstance()).append("max", MaxKey.getInstance())
                .append("nested", nested).append("array", List.of(1, "two", List.of(3.0)));

        var back = BsonBytes.decode(BsonBytes.encode(document));

        assertEquals(document, back);
        assertEquals(new ArrayList<>(document.keySet()), new ArrayList<>(back.keySet()), "field order");
        assertInstanceOf(Integer.class, back.get("int"));
        assertInstanceOf(Long.class, back.get("long"));
        assertInstanceOf(LegacyUUID.class, back.get("legacyUuid"));
    }

    @Test
    void idsAndIndexKeysComeBackFromThePageFormatEqualIncludingMissingValues() {
        for (Object id : List.of("m1", 7, 7L, 1.5, new ObjectId(), UUID.randomUUID(), new Document("a", "b"), Missing.getInstance())) {
            assertEquals(id, roundTrip(IdType.INSTANCE, id), String.valueOf(id));
        }
        var key = new KeyValue(Arrays.asList("dana@acme.example", null, Missing.getInstance(), 3.0));
        assertEquals(key, roundTrip(KeyValueType.INSTANCE, key));
    }

    @Test
    void keysAreOrderedByValueAsMongoDbOrdersThem() {
        assertTrue(IdType.INSTANCE.compare("a", "b") < 0);
        assertTrue(IdType.INSTANCE.compare(2, 10L) < 0, "numbers by value, whatever their type");
        assertEquals(0, IdType.INSTANCE.compare(3, 3.0));
        assertTrue(IdType.INSTANCE.compare(99, "1") < 0, "numbers before strings");
        assertTrue(IdType.INSTANCE.compare(Missing.getInstance(), "a") < 0);
        assertTrue(KeyValueType.INSTANCE.compare(new KeyValue("a", 2), new KeyValue("a", 10)) < 0);
        assertTrue(KeyValueType.INSTANCE.compare(new KeyValue("b", 1), new KeyValue("a", 10)) > 0);
        assertEquals(0, KeyValueType.INSTANCE.compare(new KeyValue("a", 1), new KeyValue("a", 1.0)));
    }

    private static <T> T roundTrip(BasicDataType<T> type, T value) {
        var buffer = new WriteBuffer();
        type.write(buffer, value);
        var bytes = buffer.getBuffer();
        bytes.flip();
        return type.read(bytes);
    }
}
