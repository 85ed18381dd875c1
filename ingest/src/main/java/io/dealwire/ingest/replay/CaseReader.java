package io.dealwire.ingest.replay;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Reads and checks a case directory: {@code case.json} and {@code messages/*.eml} in file-name order. */
public final class CaseReader {
    /** The stage ids of the default pipeline, the only ones a case may expect. */
    static final Set<String> STAGES = Set.of("prospect", "contacted", "qualified", "proposal", "won", "lost", "fridge");
    private static final ObjectMapper JSON = new ObjectMapper();

    public CaseDefinition read(Path dir) throws CaseReadException {
        Path file = dir.resolve("case.json");
        if (!Files.isRegularFile(file)) throw new CaseReadException(file, "missing: every case directory needs a case.json");
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new CaseReadException(file, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new CaseReadException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) throw new CaseReadException(file, "must hold a JSON object");
        var domains = new ArrayList<String>();
        var own = root.path("ownDomains");
        if (!own.isArray() || own.isEmpty()) throw new CaseReadException(file, "\"ownDomains\" must be a non-empty array of domains");
        for (var d : own) {
            if (!d.isTextual() || d.asText().isBlank()) throw new CaseReadException(file, "\"ownDomains\" must hold domain names");
            domains.add(d.asText().trim());
        }
        Instant asOf;
        try {
            asOf = Instant.parse(text(file, root, "asOf", true));
        } catch (DateTimeParseException e) {
            throw new CaseReadException(file, "\"asOf\" must be an ISO-8601 instant such as 2025-03-20T09:00:00Z", e);
        }
        var e = root.path("expect");
        if (!e.isMissingNode() && !e.isObject()) throw new CaseReadException(file, "\"expect\" must be an object");
        String stage = text(file, e, "stage", false);
        if (stage != null && !STAGES.contains(stage)) throw new CaseReadException(file, "expect.stage \"" + stage + "\" is not a stage of the default pipeline " + STAGES);
        Integer deals = null;
        if (e.has("deals")) {
            if (!e.get("deals").canConvertToInt() || e.get("deals").asInt() < 0) throw new CaseReadException(file, "expect.deals must be a whole number");
            deals = e.get("deals").asInt();
        }
        var expect = new CaseDefinition.Expectation(deals, stage, bool(file, e, "needsReply"), bool(file, e, "awaitingReply"), bool(file, e, "inactive"));
        var steps = new ArrayList<CaseDefinition.Step>();
        var s = root.path("steps");
        if (!s.isMissingNode() && !s.isArray()) throw new CaseReadException(file, "\"steps\" must be an array");
        var messages = messages(dir);
        var names = messages.stream().map(p -> p.getFileName().toString()).toList();
        for (var step : s) {
            String after = text(file, step, "after", true);
            String expected = text(file, step, "stage", true);
            if (!STAGES.contains(expected)) throw new CaseReadException(file, "step after " + after + ": \"" + expected + "\" is not a stage of the default pipeline");
            if (!names.contains(after)) throw new CaseReadException(file, "step after \"" + after + "\": no such message in messages/");
            steps.add(new CaseDefinition.Step(after, expected));
        }
        return new CaseDefinition(dir.getFileName().toString(), text(file, root, "description", false), text(file, root, "language", false),
                domains, asOf, expect, steps);
    }

    /** The case's messages, in file-name order (which is chronological order). */
    public List<Path> messages(Path dir) throws CaseReadException {
        Path folder = dir.resolve("messages");
        if (!Files.isDirectory(folder)) throw new CaseReadException(folder, "missing: a case keeps its mail in messages/*.eml");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException ex) {
            throw new CaseReadException(folder, "cannot be listed (" + ex.getMessage() + ")", ex);
        }
    }

    private static String text(Path file, JsonNode node, String field, boolean required) throws CaseReadException {
        var v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) throw new CaseReadException(file, "\"" + field + "\" is required");
            return null;
        }
        if (!v.isTextual()) throw new CaseReadException(file, "\"" + field + "\" must be a string");
        return v.asText();
    }

    private static Boolean bool(Path file, JsonNode node, String field) throws CaseReadException {
        var v = node.path(field);
        if (v.isMissingNode() || v.isNull()) return null;
        if (!v.isBoolean()) throw new CaseReadException(file, "expect." + field + " must be true or false");
        return v.asBoolean();
    }
}
