package io.dealwire.api.app;

import io.dealwire.api.context.ContextService;
import io.dealwire.core.activity.ActivityCalculator;
import io.dealwire.core.store.Store;

/** Reply state and inactivity of deals, from the core's activity rules. */
final class DealActivities {
    private DealActivities() {
    }

    static ContextService.DealStatus of(Store store) {
        return (deal, pipeline, asOf) -> {
            var a = ActivityCalculator.compute(deal, pipeline, store.messages().findByDeal(deal.id()), asOf);
            return new ContextService.DealStatus.Activity(a.needsReply(), a.awaitingReply(), a.inactive(),
                    a.lastActivity() == null ? null : a.daysSince(), a.lastActivity());
        };
    }
}
