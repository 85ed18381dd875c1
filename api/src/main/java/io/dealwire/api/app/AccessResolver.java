package io.dealwire.api.app;

import io.dealwire.api.http.Access;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.User;
import io.dealwire.core.visibility.VisibilityPolicy;

/** Resolves a user's {@link Access} with the core's one {@link VisibilityPolicy}, over the current mailboxes. */
final class AccessResolver implements Access.Resolver {
    private final Store store;

    AccessResolver(Store store) {
        this.store = store;
    }

    @Override
    public Access apply(User user) {
        var policy = new VisibilityPolicy(store.mailboxes().list());
        var viewer = policy.viewer(user);
        return new Access(user, viewer, message -> policy.canSeeMessage(viewer, message));
    }
}
