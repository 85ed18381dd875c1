package io.dealwire.api.app;

import io.dealwire.api.http.Access;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.User;
import io.dealwire.core.visibility.Viewer;

import java.util.HashMap;
import java.util.HashSet;

/** Resolves a user's {@link Access} from the store's mailboxes. */
final class AccessResolver implements Access.Resolver {
    private final Store store;

    AccessResolver(Store store) {
        this.store = store;
    }

    @Override
    public Access apply(User user) {
        var owners = new HashMap<String, String>();
        var visible = new HashSet<String>();
        for (Mailbox m : store.mailboxes().list()) {
            owners.put(m.id(), m.ownerId());
            if (user.role().seesEverything() || user.id().equals(m.ownerId()) || m.shared()) visible.add(m.id());
        }
        var viewer = new Viewer(user.id(), user.role(), visible);
        return new Access(user, viewer, message -> canSee(viewer, message, owners));
    }

    private static boolean canSee(Viewer viewer, StoredMessage m, java.util.Map<String, String> owners) {
        boolean owns = m.locations().stream().anyMatch(l -> viewer.userId().equals(owners.get(l.mailboxId())));
        if (m.privateConversation() || m.direction() == Direction.INTERNAL) return owns;
        if (viewer.role().seesEverything()) return true;
        return m.locations().stream().anyMatch(l -> viewer.mailboxIds().contains(l.mailboxId()));
    }
}
