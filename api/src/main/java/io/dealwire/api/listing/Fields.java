package io.dealwire.api.listing;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.api.http.ApiException;

import java.util.ArrayList;
import java.util.List;

/** Reads optional typed fields of a JSON request body; a field of the wrong type is a 400 naming it. */
public final class Fields {
    private static final int MAX_TEXT = 1000;

    private Fields() {
    }

    /** The trimmed string, or null when absent or JSON null. */
    public static String text(JsonNode body, String name) {
        var n = body.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw ApiException.badRequest(name + " must be a string");
        var s = n.asText().strip();
        if (s.length() > MAX_TEXT) throw ApiException.badRequest(name + " is longer than " + MAX_TEXT + " characters");
        return s;
    }

    public static String requiredText(JsonNode body, String name) {
        var s = text(body, name);
        if (s == null || s.isEmpty()) throw ApiException.badRequest(name + " is required");
        return s;
    }

    public static Double number(JsonNode body, String name) {
        var n = body.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isNumber()) throw ApiException.badRequest(name + " must be a number");
        return n.asDouble();
    }

    public static Integer integer(JsonNode body, String name) {
        var n = body.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw ApiException.badRequest(name + " must be a whole number");
        return n.asInt();
    }

    public static Boolean bool(JsonNode body, String name) {
        var n = body.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isBoolean()) throw ApiException.badRequest(name + " must be true or false");
        return n.asBoolean();
    }

    /** A list of non-blank strings, or null when absent. */
    public static List<String> texts(JsonNode body, String name) {
        var n = body.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isArray()) throw ApiException.badRequest(name + " must be an array of strings");
        var out = new ArrayList<String>();
        for (var e : n) {
            if (!e.isTextual() || e.asText().isBlank()) throw ApiException.badRequest(name + " must hold non-empty strings only");
            out.add(e.asText().strip());
        }
        return out;
    }

    /** A query parameter, or null when absent or blank. */
    public static String param(io.vertx.ext.web.RoutingContext ctx, String name) {
        var v = ctx.queryParams().get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
