package io.dealwire.store.mapping;

import io.dealwire.core.pipeline.InferenceMode;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.SalesModel;
import io.dealwire.core.pipeline.Stage;
import io.dealwire.core.pipeline.StageKind;
import org.bson.Document;

import static io.dealwire.store.mapping.BsonValues.*;

/** {@link Pipeline} to and from the {@code pipelines} collection; stages as an ordered array of sub-documents. */
public final class PipelineMapping {
    public static final String COLLECTION = "pipelines";

    private PipelineMapping() {
    }

    public static Document toDocument(Pipeline p) {
        var stages = p.stages().stream().map(s -> new Document("id", s.id()).append("name", s.name())
                .append("kind", name(s.kind())).append("probability", s.probability())
                .append("inactivityDays", s.inactivityDays()).append("businessDays", s.businessDays())).toList();
        return new Document("_id", p.id())
                .append("name", p.name())
                .append("model", name(p.model()))
                .append("stages", stages)
                .append("inferenceMode", name(p.inferenceMode()));
    }

    public static Pipeline fromDocument(Document d) {
        var stages = documents(d, "stages").stream().map(s -> new Stage(s.getString("id"), s.getString("name"),
                enumOf(s, "kind", StageKind.class), doubleOf(s, "probability"), intOf(s, "inactivityDays"),
                boolOf(s, "businessDays"))).toList();
        return new Pipeline(d.getString("_id"), d.getString("name"), enumOf(d, "model", SalesModel.class), stages,
                enumOf(d, "inferenceMode", InferenceMode.class));
    }
}
