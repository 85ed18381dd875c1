package io.dealwire.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dealwire.api.http.OpenApiRoutes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The API's OpenAPI document, read for tests: its operations, and a checker of a JSON value against a
 * documented response schema (type, nullable, required, properties, items, additionalProperties, enum,
 * allOf and $ref: the subset the document uses).
 */
public final class OpenApiDocument {
    private final JsonNode root;

    public OpenApiDocument() {
        try (var in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(OpenApiRoutes.RESOURCE)) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read the OpenAPI document", e);
        }
    }

    /** Every documented operation as "METHOD /path/:param". */
    public TreeSet<String> operations() {
        var out = new TreeSet<String>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("paths").fields(); it.hasNext(); ) {
            var path = it.next();
            var servedPath = path.getKey().replaceAll("\\{([^}]+)}", ":$1");
            for (var method : List.of("get", "post", "put", "patch", "delete"))
                if (path.getValue().has(method)) out.add(method.toUpperCase() + " " + servedPath);
        }
        return out;
    }

    /** The problems of {@code body} against the documented response of (method, path template, status); empty = conforms. */
    public List<String> check(String method, String pathTemplate, int status, String contentType, JsonNode body) {
        var problems = new ArrayList<String>();
        var operation = root.path("paths").path(pathTemplate).path(method.toLowerCase());
        if (operation.isMissingNode()) return List.of(method + " " + pathTemplate + " is not documented");
        var response = resolve(operation.path("responses").path(String.valueOf(status)));
        if (response.isMissingNode()) return List.of(method + " " + pathTemplate + " answered " + status + ", which is not documented");
        var content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isMissingNode()) problems.add("documented without a body, but one came back");
            return problems;
        }
        var mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
        var media = content.path(mediaType);
        if (media.isMissingNode()) return List.of("answered " + mediaType + ", documented " + content.fieldNames().next());
        if (body != null) validate(media.path("schema"), body, "$", problems);
        return problems;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            var ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) throw new AssertionError("only local $ref are supported: " + ref);
            JsonNode target = root;
            for (var part : ref.substring(2).split("/")) target = target.path(part);
            if (target.isMissingNode()) throw new AssertionError("dangling $ref " + ref);
            node = target;
        }
        return node;
    }

    private void validate(JsonNode schemaNode, JsonNode value, String at, List<String> problems) {
        var schema = resolve(schemaNode);
        if (schema.has("allOf")) for (var part : schema.get("allOf")) validate(part, value, at, problems);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && schema.has("type")) problems.add(at + " is null but not nullable");
            return;
        }
        var type = schema.path("type").asText("");
        switch (type) {
            case "object" -> { if (!value.isObject()) { problems.add(at + " should be an object"); return; } }
            case "array" -> { if (!value.isArray()) { problems.add(at + " should be an array"); return; } }
            case "string" -> { if (!value.isTextual()) problems.add(at + " should be a string"); }
            case "integer" -> { if (!value.isIntegralNumber()) problems.add(at + " should be an integer"); }
            case "number" -> { if (!value.isNumber()) problems.add(at + " should be a number"); }
            case "boolean" -> { if (!value.isBoolean()) problems.add(at + " should be a boolean"); }
            default -> { }
        }
        if (schema.has("enum") && value.isTextual()) {
            boolean listed = false;
            for (var e : schema.get("enum")) listed |= e.asText().equals(value.asText());
            if (!listed) problems.add(at + " = '" + value.asText() + "' is not one of " + schema.get("enum"));
        }
        if (value.isObject()) {
            for (var required : schema.path("required")) if (!value.has(required.asText())) problems.add(at + "." + required.asText() + " is required");
            var properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                var field = it.next();
                if (properties.has(field.getKey())) validate(properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(), problems);
                else if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject())
                    validate(schema.get("additionalProperties"), field.getValue(), at + "." + field.getKey(), problems);
            }
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (var item : value) validate(schema.get("items"), item, at + "[" + i++ + "]", problems);
        }
    }
}
