package io.dealwire.api.scope;

import io.dealwire.api.http.Access;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.User;
import io.dealwire.core.visibility.VisibilityPolicy;

/** Makes the {@link Scope} of a request's user. Blocking: the access resolver reads mailboxes. */
public final class Scopes {
    private final Store store;
    private final Access.Resolver access;

    public Scopes(Store store, Access.Resolver access) {
        this.store = store;
        this.access = access;
    }

    public Scope of(User user) {
        return Scope.of(store, access.apply(user), new VisibilityPolicy(store.mailboxes().list()));
    }

    public Store store() {
        return store;
    }
}
