package io.dealwire.api.deal;

import io.dealwire.api.context.ContextView.StageView;

import java.time.Instant;
import java.util.List;

/** A deal as lists and the board show it: where it stands, what it is worth, who owns it and whether it needs attention. */
public record DealView(
        String id,
        String title,
        String pipelineId,
        StageView stage,
        String companyId,
        String companyName,
        String personContactId,
        String ownerId,
        String ownerName,
        double value,
        String currency,
        Instant createdAt,
        Instant stageChangedAt,
        boolean stageSetByPerson,
        boolean needsReply,
        boolean awaitingReply,
        boolean inactive,
        Long daysSinceActivity,
        Instant lastActivity,
        int pendingSuggestions) {

    /** A deal page: the card plus its stage history with evidence, the people involved and pending suggestions. */
    public record Detail(DealView deal, List<StageChangeView> history, List<StageChangeView> suggestions, List<PersonView> people) {
    }

    /**
     * One entry of the stage history.
     *
     * @param mode   auto (inferred and applied), suggested (waiting for a person) or person (set by someone)
     * @param status applied, pending or dismissed
     */
    public record StageChangeView(String id, String fromStage, String toStage, String toStageName, Instant at, String mode,
                                  String status, String byUserId, EvidenceView evidence) {
    }

    public record EvidenceView(String messageId, String rule, String quote, double confidence) {
    }

    /** Someone involved in the deal: a contact, with how many of the deal's messages they appear in. */
    public record PersonView(String id, String name, String title, String email, String companyId, int messages) {
    }
}
