package io.dealwire.store.repository;

import com.mongodb.client.model.Sorts;
import io.dealwire.core.correction.AuditLog;
import io.dealwire.core.correction.AuditRecord;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.mapping.CorrectionMapping;

import java.util.ArrayList;
import java.util.List;

import static io.dealwire.store.mapping.CorrectionMapping.AUDIT_POSITION;

/** The audit log in MongoDB; each record gets its append position from a {@link SeqCounter}, which orders the list. */
public final class MongoAuditLog implements AuditLog {
    private final KeyedCollection records;
    private final SeqCounter positions;
    private final StoreGuard guard;

    public MongoAuditLog(KeyedCollection records, SeqCounter positions, StoreGuard guard) {
        this.records = records;
        this.positions = positions;
        this.guard = guard;
    }

    @Override
    public AuditRecord append(AuditRecord record) {
        guard.run(() -> records.replace(CorrectionMapping.toDocument(record, positions.reserve(1))));
        return record;
    }

    @Override
    public List<AuditRecord> list() {
        return guard.call(() -> records.collection().find().sort(Sorts.ascending(AUDIT_POSITION))
                .map(CorrectionMapping::auditFromDocument).into(new ArrayList<>()));
    }
}
