package io.dealwire.index.search;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The opaque {@code next} token: the sort values of the last hit of a page (score, date, message id), so
 * the next page starts after it with {@code searchAfter}. The message id breaks ties, which keeps paging
 * stable across index refreshes (Lucene doc ids are not). A fingerprint of the query and sort makes a
 * cursor from another search fail loudly instead of skipping results.
 */
final class Cursor {
    private static final String VERSION = "c1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursor() {
    }

    /** Of values whose hash is the same in every process (an enum's is not), so a cursor outlives a restart. */
    static String fingerprint(SearchRequest r) {
        return Integer.toHexString(Objects.hash(r.q(), r.sort().name(), r.groupByConversation(), r.within()));
    }

    static String encode(SearchRequest r, FieldDoc last) {
        var sb = new StringBuilder(VERSION).append('|').append(fingerprint(r));
        for (var value : last.fields) {
            sb.append('|');
            switch (value) {
                case Float f -> sb.append('f').append(Float.floatToIntBits(f));
                case Long l -> sb.append('l').append(l);
                case BytesRef b -> sb.append('b').append(ENCODER.encodeToString(BytesRef.deepCopyOf(b).bytes));
                default -> throw new IllegalStateException("unexpected sort value " + value.getClass());
            }
        }
        return ENCODER.encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static FieldDoc decode(SearchRequest r, String cursor, int expectedFields) {
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("the cursor is not one this server gave out");
        }
        var parts = text.split("\\|", -1);
        if (parts.length != expectedFields + 2 || !parts[0].equals(VERSION)) {
            throw new InvalidCursorException("the cursor is not one this server gave out");
        }
        if (!parts[1].equals(fingerprint(r))) {
            throw new InvalidCursorException("the cursor belongs to another search: repeat the same q, sort and grouping");
        }
        var fields = new Object[expectedFields];
        try {
            for (int i = 0; i < expectedFields; i++) {
                var p = parts[i + 2];
                var body = p.substring(1);
                fields[i] = switch (p.charAt(0)) {
                    case 'f' -> Float.intBitsToFloat(Integer.parseInt(body));
                    case 'l' -> Long.parseLong(body);
                    case 'b' -> new BytesRef(DECODER.decode(body));
                    default -> throw new InvalidCursorException("the cursor is not one this server gave out");
                };
            }
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new InvalidCursorException("the cursor is not one this server gave out");
        }
        // Integer.MAX_VALUE: a document with exactly these sort values (the last hit itself) is never repeated.
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN, fields);
    }
}
