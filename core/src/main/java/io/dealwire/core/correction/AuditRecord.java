package io.dealwire.core.correction;

import java.time.Instant;
import java.util.Objects;

/**
 * A trace of a correction that must outlive its subject (a GDPR erasure): what was done, by whom and
 * when, and counts — never a name, an address or message content.
 *
 * @param subjectId the opaque id of what was acted on (e.g. the erased contact's id)
 * @param detail    non-personal facts such as "messages=12"
 */
public record AuditRecord(String id, String action, String subjectId, String byUserId, Instant at, String detail) {
    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
    }
}
