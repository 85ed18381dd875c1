package io.dealwire.store.repository;

import com.mongodb.client.model.Sorts;
import io.dealwire.core.correction.IgnoreRule;
import io.dealwire.core.correction.IgnoreRuleRepository;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.mapping.CorrectionMapping;

import java.util.ArrayList;
import java.util.List;

/** Ignore rules in MongoDB: a short list, read whole. */
public final class MongoIgnoreRuleRepository implements IgnoreRuleRepository {
    private final KeyedCollection rules;
    private final StoreGuard guard;

    public MongoIgnoreRuleRepository(KeyedCollection rules, StoreGuard guard) {
        this.rules = rules;
        this.guard = guard;
    }

    @Override
    public List<IgnoreRule> list() {
        return guard.call(() -> rules.collection().find().sort(Sorts.ascending("_id"))
                .map(CorrectionMapping::ignoreRuleFromDocument).into(new ArrayList<>()));
    }

    @Override
    public IgnoreRule save(IgnoreRule rule) {
        guard.run(() -> rules.replace(CorrectionMapping.toDocument(rule)));
        return rule;
    }

    @Override
    public void delete(String id) {
        guard.run(() -> rules.delete(id));
    }
}
