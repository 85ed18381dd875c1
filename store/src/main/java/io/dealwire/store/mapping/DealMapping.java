package io.dealwire.store.mapping;

import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.Evidence;
import io.dealwire.core.deal.StageChange;
import org.bson.Document;

import static io.dealwire.store.mapping.BsonValues.*;

/** {@link Deal} to and from {@code deals}, {@link StageChange} to and from {@code stageChanges} (evidence as a sub-document). */
public final class DealMapping {
    public static final String COLLECTION = "deals";
    public static final String CHANGES_COLLECTION = "stageChanges";
    public static final String COMPANY = "companyId";
    public static final String PERSON = "personContactId";
    public static final String CHANGE_DEAL = "dealId";

    private DealMapping() {
    }

    public static Document toDocument(Deal d) {
        return new Document("_id", d.id())
                .append("title", d.title())
                .append("pipelineId", d.pipelineId())
                .append("stageId", d.stageId())
                .append(COMPANY, d.companyId())
                .append(PERSON, d.personContactId())
                .append("ownerId", d.ownerId())
                .append("value", d.value())
                .append("currency", d.currency())
                .append("createdAt", date(d.createdAt()))
                .append("stageChangedAt", date(d.stageChangedAt()))
                .append("stageSetByPerson", d.stageSetByPerson());
    }

    public static Deal fromDocument(Document d) {
        return new Deal(d.getString("_id"), d.getString("title"), d.getString("pipelineId"), d.getString("stageId"),
                d.getString(COMPANY), d.getString(PERSON), d.getString("ownerId"), doubleOf(d, "value"),
                d.getString("currency"), instant(d, "createdAt"), instant(d, "stageChangedAt"), boolOf(d, "stageSetByPerson"));
    }

    public static Document toDocument(StageChange c) {
        var e = c.evidence();
        var evidence = e == null ? null : new Document("messageId", e.messageId()).append("rule", e.rule())
                .append("quote", e.quote()).append("confidence", e.confidence());
        return new Document("_id", c.id())
                .append(CHANGE_DEAL, c.dealId())
                .append("fromStage", c.fromStage())
                .append("toStage", c.toStage())
                .append("at", date(c.at()))
                .append("mode", name(c.mode()))
                .append("evidence", evidence)
                .append("byUserId", c.byUserId())
                .append("status", name(c.status()));
    }

    public static StageChange changeFromDocument(Document d) {
        var e = d.get("evidence", Document.class);
        var evidence = e == null ? null : new Evidence(e.getString("messageId"), e.getString("rule"), e.getString("quote"), doubleOf(e, "confidence"));
        return new StageChange(d.getString("_id"), d.getString(CHANGE_DEAL), d.getString("fromStage"), d.getString("toStage"),
                instant(d, "at"), enumOf(d, "mode", ChangeMode.class), evidence, d.getString("byUserId"),
                enumOf(d, "status", StageChange.Status.class));
    }
}
