package io.dealwire.store.repository;

import io.dealwire.core.correction.IgnoreRule;
import io.dealwire.core.correction.IgnoreRuleRepository;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.mapping.CorrectionMapping;

import java.util.Comparator;
import java.util.List;

/** Ignore rules in MongoDB: a short list, read whole on every message intake (from memory on the embedded store). */
public final class MongoIgnoreRuleRepository implements IgnoreRuleRepository {
    private final KeyedCollection rules;
    private final StoreGuard guard;

    public MongoIgnoreRuleRepository(KeyedCollection rules, StoreGuard guard) {
        this.rules = rules;
        this.guard = guard;
    }

    @Override
    public List<IgnoreRule> list() {
        return guard.call(() -> rules.all().stream().map(CorrectionMapping::ignoreRuleFromDocument)
                .sorted(Comparator.comparing(IgnoreRule::id)).toList());
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
