package io.dealwire.ingest.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of replaying many cases: one line per case with what differed, and exactly one summary line
 * counting, for each kind of check, how many matched out of those the cases asked for.
 */
public record EvalReport(List<CaseResult> results) {

    public EvalReport {
        results = List.copyOf(results);
    }

    /** matched / asked for one kind of check. */
    public record Score(int matched, int asked) {
        public double rate() {
            return asked == 0 ? 1 : (double) matched / asked;
        }

        @Override
        public String toString() {
            return matched + "/" + asked;
        }
    }

    public Map<CaseResult.Kind, Score> scores() {
        var matched = new EnumMap<CaseResult.Kind, Integer>(CaseResult.Kind.class);
        var asked = new EnumMap<CaseResult.Kind, Integer>(CaseResult.Kind.class);
        for (var r : results) {
            for (var c : r.checks()) {
                asked.merge(c.kind(), 1, Integer::sum);
                if (c.matched()) matched.merge(c.kind(), 1, Integer::sum);
            }
        }
        var out = new EnumMap<CaseResult.Kind, Score>(CaseResult.Kind.class);
        for (var k : CaseResult.Kind.values()) out.put(k, new Score(matched.getOrDefault(k, 0), asked.getOrDefault(k, 0)));
        return out;
    }

    public Score score(CaseResult.Kind kind) {
        return scores().get(kind);
    }

    /** "ok   name" or "FAIL name: stage expected proposal, got qualified; after 003.eml expected contacted, got prospect". */
    public static String line(CaseResult r) {
        if (r.passed()) return "ok   " + r.name();
        return "FAIL " + r.name() + ": " + r.differences().stream()
                .map(c -> c.what() + " expected " + c.expected() + ", got " + c.actual())
                .collect(Collectors.joining("; "));
    }

    /** {@code eval: cases 40, stage 34/40, steps 51/60, deals 12/14, needsReply 38/40, awaitingReply 37/40, inactive 39/40} */
    public String summary() {
        var s = scores();
        var sb = new StringBuilder("eval: cases ").append(results.size());
        for (var k : CaseResult.Kind.values()) sb.append(", ").append(k.label()).append(' ').append(s.get(k));
        return sb.toString();
    }

    public void print(PrintStream out) {
        for (var r : results) out.println(line(r));
        out.println(summary());
    }

    public void writeJson(Path file) throws IOException {
        var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("summary", summary());
        ObjectNode totals = root.putObject("scores");
        scores().forEach((k, v) -> totals.putObject(k.label()).put("matched", v.matched()).put("asked", v.asked()));
        ArrayNode cases = root.putArray("cases");
        for (var r : results) {
            ObjectNode c = cases.addObject();
            c.put("name", r.name());
            c.put("passed", r.passed());
            ArrayNode checks = c.putArray("checks");
            for (var check : r.checks()) {
                ObjectNode n = checks.addObject();
                n.put("kind", check.kind().label());
                n.put("what", check.what());
                n.putPOJO("expected", check.expected());
                n.putPOJO("actual", check.actual());
                n.put("matched", check.matched());
            }
            ArrayNode history = c.putArray("history");
            for (var h : r.history()) {
                history.addObject().put("message", h.message()).put("from", h.from()).put("to", h.to()).put("mode", h.mode())
                        .put("rule", h.rule()).put("quote", h.quote()).put("confidence", h.confidence());
            }
        }
        mapper.writeValue(file.toFile(), root);
    }
}
