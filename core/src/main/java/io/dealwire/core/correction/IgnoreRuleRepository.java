package io.dealwire.core.correction;

import java.util.List;

public interface IgnoreRuleRepository {
    List<IgnoreRule> list();

    IgnoreRule save(IgnoreRule rule);

    void delete(String id);
}
