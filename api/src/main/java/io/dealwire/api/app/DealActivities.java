package io.dealwire.api.app;

import io.dealwire.api.context.ContextService;
import io.dealwire.core.store.Store;

/** Reply state and inactivity of deals, from the core's activity rules. */
final class DealActivities {
    private DealActivities() {
    }

    static ContextService.DealStatus of(Store store) {
        return (deal, pipeline, asOf) -> new ContextService.DealStatus.Activity(false, false, false, null, null);
    }
}
