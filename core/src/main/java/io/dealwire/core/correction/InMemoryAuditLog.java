package io.dealwire.core.correction;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory {@link AuditLog}. */
public final class InMemoryAuditLog implements AuditLog {
    private final CopyOnWriteArrayList<AuditRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public AuditRecord append(AuditRecord record) {
        records.add(record);
        return record;
    }

    @Override
    public List<AuditRecord> list() {
        return List.copyOf(records);
    }
}
