package io.dealwire.core.correction;

import java.util.List;

/** Append-only record of corrections that remove data. */
public interface AuditLog {
    AuditRecord append(AuditRecord record);

    /** Every record, oldest first. */
    List<AuditRecord> list();
}
