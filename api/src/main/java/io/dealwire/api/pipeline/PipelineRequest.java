package io.dealwire.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.api.http.ApiException;
import io.dealwire.api.listing.Fields;
import io.dealwire.core.pipeline.InferenceMode;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.SalesModel;
import io.dealwire.core.pipeline.Stage;
import io.dealwire.core.pipeline.StageKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;

/** Parses and validates a pipeline definition sent by the pipeline editor; every mistake is a 400 naming the field. */
final class PipelineRequest {
    static final String ID = "^[a-z0-9][a-z0-9-]{0,39}$";
    private static final int MAX_STAGES = 30;

    private PipelineRequest() {
    }

    static Pipeline parse(String id, JsonNode body) {
        if (!id.matches(ID)) throw ApiException.badRequest("id must be 1-40 lower-case letters, digits or dashes, got '" + id + "'");
        var name = Fields.requiredText(body, "name");
        var model = parseEnum(SalesModel.class, Fields.text(body, "model"), SalesModel.DEFAULT, "model");
        var mode = parseEnum(InferenceMode.class, Fields.text(body, "inferenceMode"), InferenceMode.AUTO, "inferenceMode");
        var stagesNode = body.get("stages");
        if (stagesNode == null || !stagesNode.isArray() || stagesNode.isEmpty())
            throw ApiException.badRequest("stages must be a non-empty array of {id, name, kind, probability, inactivityDays}");
        if (stagesNode.size() > MAX_STAGES) throw ApiException.badRequest("a pipeline has at most " + MAX_STAGES + " stages");
        var stages = new ArrayList<Stage>();
        var seen = new HashSet<String>();
        for (int i = 0; i < stagesNode.size(); i++) {
            var s = stagesNode.get(i);
            var at = "stages[" + i + "]";
            if (!s.isObject()) throw ApiException.badRequest(at + " must be an object");
            var stageId = Fields.requiredText(s, "id");
            if (!stageId.matches(ID)) throw ApiException.badRequest(at + ".id must be 1-40 lower-case letters, digits or dashes, got '" + stageId + "'");
            if (!seen.add(stageId)) throw ApiException.badRequest(at + ".id '" + stageId + "' is used twice");
            var stageName = Fields.text(s, "name");
            var kind = parseEnum(StageKind.class, Fields.text(s, "kind"), StageKind.OPEN, at + ".kind");
            var probability = Fields.number(s, "probability");
            double p = probability == null ? defaultProbability(kind) : probability;
            if (p < 0 || p > 1) throw ApiException.badRequest(at + ".probability must be between 0 and 1");
            var inactivity = Fields.integer(s, "inactivityDays");
            int days = inactivity == null ? (kind == StageKind.OPEN ? 14 : 0) : inactivity;
            if (days < 0 || days > 3650) throw ApiException.badRequest(at + ".inactivityDays must be from 0 (never) to 3650");
            var business = Fields.bool(s, "businessDays");
            stages.add(new Stage(stageId, stageName == null || stageName.isBlank() ? stageId : stageName, kind, p, days, business != null && business));
        }
        if (stages.stream().noneMatch(Stage::isOpen)) throw ApiException.badRequest("a pipeline needs at least one open stage");
        if (stages.stream().noneMatch(s -> s.kind() == StageKind.WON)) throw ApiException.badRequest("a pipeline needs at least one won stage");
        return new Pipeline(id, name, model, stages, mode);
    }

    private static double defaultProbability(StageKind kind) {
        return switch (kind) {
            case WON -> 1;
            case LOST -> 0;
            case OPEN, PARKED -> 0.1;
        };
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String raw, E fallback, String field) {
        if (raw == null || raw.isBlank()) return fallback;
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            var allowed = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
            throw ApiException.badRequest(field + " must be one of " + allowed + ", got '" + raw + "'");
        }
    }
}
