package io.dealwire.store.mapping;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reading and writing the plain values of a document the same way everywhere: instants as BSON dates
 * (millisecond precision), enums as their names, numbers read through {@link Number} so that documents
 * restored from a backup (where small longs may come back as ints) read the same.
 */
public final class BsonValues {
    private BsonValues() {
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document d, String key) {
        Object v = d.get(key);
        if (v == null) return null;
        if (v instanceof Date date) return date.toInstant();
        if (v instanceof String s) return Instant.parse(s);
        throw new IllegalArgumentException("field '" + key + "' is not a date: " + v.getClass().getSimpleName());
    }

    public static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    public static <E extends Enum<E>> E enumOf(Document d, String key, Class<E> type) {
        String v = d.getString(key);
        return v == null ? null : Enum.valueOf(type, v);
    }

    public static long longOf(Document d, String key) {
        Object v = d.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    public static int intOf(Document d, String key) {
        Object v = d.get(key);
        return v == null ? 0 : ((Number) v).intValue();
    }

    public static double doubleOf(Document d, String key) {
        Object v = d.get(key);
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    public static boolean boolOf(Document d, String key) {
        return Boolean.TRUE.equals(d.get(key));
    }

    public static List<String> strings(Document d, String key) {
        List<?> raw = d.get(key, List.class);
        if (raw == null) return List.of();
        var out = new ArrayList<String>(raw.size());
        for (Object o : raw) out.add((String) o);
        return out;
    }

    public static List<Document> documents(Document d, String key) {
        List<?> raw = d.get(key, List.class);
        if (raw == null) return List.of();
        var out = new ArrayList<Document>(raw.size());
        for (Object o : raw) out.add((Document) o);
        return out;
    }
}
