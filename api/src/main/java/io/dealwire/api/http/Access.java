package io.dealwire.api.http;

import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.user.User;
import io.dealwire.core.visibility.Viewer;

import java.util.function.Function;
import java.util.function.Predicate;

/** What one user may see, resolved once per request from the core's visibility policy. */
public record Access(User user, Viewer viewer, Predicate<StoredMessage> canSee) {

    /** Resolves a user's access; blocking (reads mailboxes). */
    public interface Resolver extends Function<User, Access> {
    }
}
