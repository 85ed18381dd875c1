package io.dealwire.store.embedded.bson;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Documents and key values as BSON bytes, written and read by the server's own wire codec, so a stored document
 * comes back exactly as a client would have received it.
 *
 * <p>The codec works on Netty buffers, and Netty is only a runtime dependency of the server (as in
 * {@code GatedBackend}): the buffer calls are bound once through method handles rather than compiled against.
 */
final class BsonBytes {
    private static final MethodHandle NEW_BUFFER;
    private static final MethodHandle WRAP;
    private static final MethodHandle ENCODE;
    private static final MethodHandle DECODE;
    private static final MethodHandle BYTES;
    /** A key field holding a missing value (BSON has none): the field is named with this prefix and holds null. */
    private static final char MISSING = 'm';

    static {
        try {
            var lookup = MethodHandles.publicLookup();
            Class<?> byteBuf = Class.forName("io.netty.buffer.ByteBuf");
            Class<?> unpooled = Class.forName("io.netty.buffer.Unpooled");
            Class<?> util = Class.forName("io.netty.buffer.ByteBufUtil");
            NEW_BUFFER = lookup.findStatic(unpooled, "buffer", MethodType.methodType(byteBuf, int.class))
                    .asType(MethodType.methodType(Object.class, int.class));
            WRAP = lookup.findStatic(unpooled, "wrappedBuffer", MethodType.methodType(byteBuf, byte[].class))
                    .asType(MethodType.methodType(Object.class, byte[].class));
            ENCODE = lookup.findStatic(BsonEncoder.class, "encodeDocument", MethodType.methodType(void.class, Map.class, byteBuf))
                    .asType(MethodType.methodType(void.class, Map.class, Object.class));
            DECODE = lookup.findStatic(BsonDecoder.class, "decodeBson", MethodType.methodType(Document.class, byteBuf))
                    .asType(MethodType.methodType(Document.class, Object.class));
            BYTES = lookup.findStatic(util, "getBytes", MethodType.methodType(byte[].class, byteBuf))
                    .asType(MethodType.methodType(byte[].class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("the mongo-java-server BSON codec or Netty's buffers are missing: " + e);
        }
    }

    private BsonBytes() {
    }

    static byte[] encode(Map<String, ?> document) {
        try {
            Object buffer = (Object) NEW_BUFFER.invokeExact(256);
            ENCODE.invokeExact(document, buffer);
            return (byte[]) BYTES.invokeExact(buffer);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("encoding a document as BSON failed", e);
        }
    }

    static Document decode(byte[] bson) {
        try {
            Object buffer = (Object) WRAP.invokeExact(bson);
            return (Document) DECODE.invokeExact(buffer);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("decoding a stored BSON document failed", e);
        }
    }

    /** Values in order as one BSON document (fields "0", "1", … ; a missing value as "m&lt;i&gt;": null). */
    static byte[] encodeValues(List<?> values) {
        var document = new Document();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Missing) document.put(MISSING + Integer.toString(i), null);
            else document.put(Integer.toString(i), value);
        }
        return encode(document);
    }

    static List<Object> decodeValues(byte[] bson) {
        var document = decode(bson);
        var values = new ArrayList<>(document.size());
        for (var field : document.entrySet()) {
            values.add(field.getKey().charAt(0) == MISSING ? Missing.getInstance() : field.getValue());
        }
        return values;
    }
}
