package io.dealwire.core.visibility;

import io.dealwire.core.user.Role;

import java.util.Set;

/**
 * Who is asking, with what they may see: {@code mailboxIds} are the mailboxes whose mail they can read
 * (their own and the shared ones; every mailbox for managers and admins).
 */
public record Viewer(String userId, Role role, Set<String> mailboxIds) {
    public Viewer {
        mailboxIds = Set.copyOf(mailboxIds);
    }
}
