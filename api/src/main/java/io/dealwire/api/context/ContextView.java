package io.dealwire.api.context;

import java.time.Instant;
import java.util.List;

/** Everything the add-on shows beside one message: who, which company, which deals and where they stand, and what happened lately. */
public record ContextView(
        boolean internal,
        boolean known,
        ContactView contact,
        CompanyView company,
        List<DealView> deals,
        String linkedDealId,
        String conversationId,
        List<TimelineItem> timeline,
        List<StageView> stages) {

    public record ContactView(String id, String name, String title, List<String> emails, List<String> phones, String companyId) {
    }

    public record CompanyView(String id, String name, List<String> domains) {
    }

    public record StageView(String id, String name, String kind) {
    }

    public record EvidenceView(String toStage, String rule, String quote, String messageId, Instant at, double confidence, String mode) {
    }

    public record SuggestionView(String id, String toStage, String quote, Instant at) {
    }

    public record DealView(
            String id,
            String title,
            String pipelineId,
            StageView stage,
            String ownerId,
            double value,
            String currency,
            boolean needsReply,
            boolean awaitingReply,
            boolean inactive,
            Long daysSinceActivity,
            Instant lastActivity,
            List<EvidenceView> evidence,
            List<SuggestionView> suggestions) {
    }

    public record TimelineItem(String messageId, String conversationId, String subject, String from, Instant date, String direction, String snippet) {
    }
}
