package io.dealwire.core.deal;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a deal's stage history. A {@link ChangeMode#SUGGESTED} change is pending until a person
 * accepts or dismisses it ({@code status}).
 */
public record StageChange(
        String id,
        String dealId,
        String fromStage,
        String toStage,
        Instant at,
        ChangeMode mode,
        Evidence evidence,
        String byUserId,
        Status status) {

    public enum Status { APPLIED, PENDING, DISMISSED }

    public StageChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(toStage, "toStage");
        Objects.requireNonNull(mode, "mode");
        status = status == null ? (mode == ChangeMode.SUGGESTED ? Status.PENDING : Status.APPLIED) : status;
    }

    public StageChange withStatus(Status status) {
        return new StageChange(id, dealId, fromStage, toStage, at, mode, evidence, byUserId, status);
    }
}
