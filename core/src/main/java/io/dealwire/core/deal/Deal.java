package io.dealwire.core.deal;

import java.time.Instant;
import java.util.Objects;

/**
 * A sales opportunity with one customer: a company, or a person account ({@code personContactId}) for a
 * customer on free mail.
 *
 * @param value           expected value in {@code currency}, 0 when unknown
 * @param stageChangedAt  when the current stage was entered
 * @param stageSetByPerson the current stage was set by a person: inference from older mail never overrides it
 */
public record Deal(
        String id,
        String title,
        String pipelineId,
        String stageId,
        String companyId,
        String personContactId,
        String ownerId,
        double value,
        String currency,
        Instant createdAt,
        Instant stageChangedAt,
        boolean stageSetByPerson) {

    public Deal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pipelineId, "pipelineId");
        Objects.requireNonNull(stageId, "stageId");
        title = title == null ? "" : title;
        currency = currency == null || currency.isBlank() ? "EUR" : currency;
    }

    public Deal withStage(String stageId, Instant at, boolean byPerson) {
        return new Deal(id, title, pipelineId, stageId, companyId, personContactId, ownerId, value, currency, createdAt, at, byPerson);
    }
}
