package io.dealwire.index;

import io.dealwire.core.store.Store;

/** The names and owners the index needs, read from the store when a message is indexed. */
public record StoreIndexContext(Store store) implements IndexContext {
    @Override
    public String companyName(String companyId) {
        return store.companies().find(companyId).map(c -> c.name()).orElse("");
    }

    @Override
    public String dealTitle(String dealId) {
        return store.deals().find(dealId).map(d -> d.title()).orElse("");
    }

    @Override
    public String dealStage(String dealId) {
        return store.deals().find(dealId).map(d -> d.stageId()).orElse("");
    }

    @Override
    public String mailboxOwner(String mailboxId) {
        return store.mailboxes().find(mailboxId).map(m -> m.ownerId() == null ? "" : m.ownerId()).orElse("");
    }
}
