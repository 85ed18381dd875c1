package io.dealwire.core.correction;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link IgnoreRuleRepository}. */
public final class InMemoryIgnoreRuleRepository implements IgnoreRuleRepository {
    private final ConcurrentHashMap<String, IgnoreRule> byId = new ConcurrentHashMap<>();

    @Override
    public List<IgnoreRule> list() {
        return byId.values().stream().sorted(Comparator.comparing(IgnoreRule::id)).toList();
    }

    @Override
    public IgnoreRule save(IgnoreRule rule) {
        byId.put(rule.id(), rule);
        return rule;
    }

    @Override
    public void delete(String id) {
        byId.remove(id);
    }
}
