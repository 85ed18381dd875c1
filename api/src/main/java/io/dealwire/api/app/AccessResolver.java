package io.dealwire.api.app;

import io.dealwire.api.http.Access;
import io.dealwire.core.user.User;
import io.dealwire.core.visibility.VisibilityPolicy;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Resolves a user's {@link Access} with the core's one {@link VisibilityPolicy}, over the current mailboxes
 * (kept in memory by {@link CachedMailboxes}, dropped whenever a mailbox is saved or deleted).
 *
 * <p>The policy is taken by one request at a time. When the kept one is dropped or too old, the request that
 * finds it so reads the mailboxes again, every folder's sync state included, and the requests arriving
 * meanwhile wait for that read and take its policy instead of each reading the same list: with 16 searchers,
 * every expiry made 16 such reads at once on two cores, stalling all requests for up to seconds.
 */
final class AccessResolver implements Access.Resolver {
    private final CachedMailboxes mailboxes;
    private final ReentrantLock policyRead = new ReentrantLock();

    AccessResolver(CachedMailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public Access apply(User user) {
        var policy = policy();
        var viewer = policy.viewer(user);
        return new Access(user, viewer, message -> policy.canSeeMessage(viewer, message));
    }

    private VisibilityPolicy policy() {
        policyRead.lock();
        try {
            return mailboxes.policy();
        } finally {
            policyRead.unlock();
        }
    }

    /** Requests waiting for the policy being read (tests). */
    int waiting() {
        return policyRead.getQueueLength();
    }
}
