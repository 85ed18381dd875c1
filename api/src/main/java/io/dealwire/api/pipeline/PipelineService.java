package io.dealwire.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.api.http.ApiException;
import io.dealwire.api.listing.Fields;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.Store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Pipelines and their stages: read by everyone, created and edited by admins. Blocking. */
public final class PipelineService {
    private final Store store;

    public PipelineService(Store store) {
        this.store = store;
    }

    public List<PipelineView> list() {
        return store.pipelines().list().stream().map(PipelineView::of).toList();
    }

    public PipelineView get(String id) {
        return store.pipelines().find(id).map(PipelineView::of).orElseThrow(() -> ApiException.notFound("no pipeline " + id));
    }

    public List<PipelineView> templates() {
        return PipelineTemplates.all().stream().map(PipelineView::of).toList();
    }

    /** Creates a pipeline from {@code {"template": "inbound"}} (optionally with id and name) or from a full definition. */
    public PipelineView create(JsonNode body) {
        var template = Fields.text(body, "template");
        Pipeline pipeline;
        if (template != null) {
            var t = PipelineTemplates.all().stream().filter(p -> p.id().equals(template)).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("no template '" + template + "'; templates are "
                            + PipelineTemplates.all().stream().map(Pipeline::id).toList()));
            var id = Fields.text(body, "id") == null ? t.id() : Fields.text(body, "id");
            if (!id.matches(PipelineRequest.ID)) throw ApiException.badRequest("id must be 1-40 lower-case letters, digits or dashes");
            var name = Fields.text(body, "name") == null ? t.name() : Fields.text(body, "name");
            pipeline = new Pipeline(id, name, t.model(), t.stages(), t.inferenceMode());
        } else {
            pipeline = PipelineRequest.parse(Fields.requiredText(body, "id"), body);
        }
        if (store.pipelines().find(pipeline.id()).isPresent()) throw ApiException.conflict("a pipeline '" + pipeline.id() + "' already exists");
        return PipelineView.of(store.pipelines().save(pipeline));
    }

    /** Replaces a pipeline's definition; a stage that deals stand at cannot be removed until they move. */
    public PipelineView replace(String id, JsonNode body) {
        store.pipelines().find(id).orElseThrow(() -> ApiException.notFound("no pipeline " + id));
        var updated = PipelineRequest.parse(id, body);
        var stranded = dealsPerStage(id).entrySet().stream().filter(e -> updated.stage(e.getKey()).isEmpty()).toList();
        if (!stranded.isEmpty())
            throw ApiException.conflict("stages still hold deals, move them first: " + stranded.stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + " deals)").collect(Collectors.joining(", ")));
        return PipelineView.of(store.pipelines().save(updated));
    }

    public void delete(String id) {
        store.pipelines().find(id).orElseThrow(() -> ApiException.notFound("no pipeline " + id));
        if (PipelineTemplates.DEFAULT_ID.equals(id)) throw ApiException.conflict("the default pipeline cannot be removed: new deals start there");
        long deals = dealsPerStage(id).values().stream().mapToLong(Long::longValue).sum();
        if (deals > 0) throw ApiException.conflict("pipeline " + id + " still holds " + deals + " deals; move them first");
        store.pipelines().delete(id);
    }

    private Map<String, Long> dealsPerStage(String pipelineId) {
        return store.deals().list(0, Integer.MAX_VALUE).stream().filter(d -> d.pipelineId().equals(pipelineId))
                .collect(Collectors.groupingBy(Deal::stageId, TreeMap::new, Collectors.counting()));
    }
}
