package io.dealwire.store.mapping;

import io.dealwire.core.correction.AuditRecord;
import io.dealwire.core.correction.ConversationPin;
import io.dealwire.core.correction.IgnoreRule;
import org.bson.Document;

import static io.dealwire.store.mapping.BsonValues.*;

/**
 * Corrections: {@link ConversationPin} in {@code pins} (the conversation id is the {@code _id}: one pin per
 * conversation), {@link IgnoreRule} in {@code ignoreRules}, {@link AuditRecord} in {@code audit} with its
 * append position in {@link #AUDIT_POSITION}.
 */
public final class CorrectionMapping {
    public static final String PINS_COLLECTION = "pins";
    public static final String IGNORE_RULES_COLLECTION = "ignoreRules";
    public static final String AUDIT_COLLECTION = "audit";
    public static final String PIN_DEAL = "dealId";
    public static final String AUDIT_POSITION = "position";

    private CorrectionMapping() {
    }

    public static Document toDocument(ConversationPin p) {
        return new Document("_id", p.conversationId())
                .append(PIN_DEAL, p.dealId())
                .append("byUserId", p.byUserId())
                .append("at", date(p.at()));
    }

    public static ConversationPin pinFromDocument(Document d) {
        return new ConversationPin(d.getString("_id"), d.getString(PIN_DEAL), d.getString("byUserId"), instant(d, "at"));
    }

    public static Document toDocument(IgnoreRule r) {
        return new Document("_id", r.id())
                .append("kind", name(r.kind()))
                .append("value", r.value())
                .append("byUserId", r.byUserId())
                .append("at", date(r.at()));
    }

    public static IgnoreRule ignoreRuleFromDocument(Document d) {
        return new IgnoreRule(d.getString("_id"), enumOf(d, "kind", IgnoreRule.Kind.class), d.getString("value"),
                d.getString("byUserId"), instant(d, "at"));
    }

    public static Document toDocument(AuditRecord r, long position) {
        return new Document("_id", r.id())
                .append(AUDIT_POSITION, position)
                .append("action", r.action())
                .append("subjectId", r.subjectId())
                .append("byUserId", r.byUserId())
                .append("at", date(r.at()))
                .append("detail", r.detail());
    }

    public static AuditRecord auditFromDocument(Document d) {
        return new AuditRecord(d.getString("_id"), d.getString("action"), d.getString("subjectId"), d.getString("byUserId"),
                instant(d, "at"), d.getString("detail"));
    }
}
