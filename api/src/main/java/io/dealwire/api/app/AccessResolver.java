package io.dealwire.api.app;

import io.dealwire.api.http.Access;
import io.dealwire.core.user.User;
import io.dealwire.core.visibility.VisibilityPolicy;

/**
 * Resolves a user's {@link Access} with the core's one {@link VisibilityPolicy}, over the current mailboxes
 * (kept in memory by {@link CachedMailboxes}, dropped whenever a mailbox is saved or deleted).
 */
final class AccessResolver implements Access.Resolver {
    private final CachedMailboxes mailboxes;

    AccessResolver(CachedMailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public Access apply(User user) {
        var policy = mailboxes.policy();
        var viewer = policy.viewer(user);
        return new Access(user, viewer, message -> policy.canSeeMessage(viewer, message));
    }
}
