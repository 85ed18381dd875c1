package io.dealwire.api.mailbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.api.auth.Tokens;
import io.dealwire.api.http.ApiException;
import io.dealwire.api.secret.SecretBox;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.store.Store;
import io.dealwire.core.visibility.VisibilityPolicy;
import io.dealwire.core.user.User;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Connecting, listing, changing and removing mailboxes. Blocking: call from a virtual thread. */
public final class MailboxService {
    private final Store store;
    private final SecretBox secrets;
    private final SyncControl sync;
    private final OwnDomains ownDomains;
    private final Clock clock;

    /** @param ownDomains the company's domains as intake sees them: a mailbox's own domain joins them when connected */
    public MailboxService(Store store, SecretBox secrets, SyncControl sync, OwnDomains ownDomains, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.sync = sync;
        this.ownDomains = ownDomains;
        this.clock = clock;
    }

    public MailboxView add(User caller, MailboxRequest r) {
        var owner = r.owner() == null ? caller.id() : r.owner();
        if (store.users().find(owner).isEmpty()) throw ApiException.badRequest("owner '" + owner + "' is not a user");
        var mailbox = new Mailbox(Tokens.newId(), r.name(), r.host(), r.port(), r.security(), r.username(),
                secrets.encrypt(r.password()), r.folders(), r.since(), owner, r.shared(), r.allowInsecure(),
                r.pinnedCertificateSha256(), SyncState.CONNECTING, null, Map.of(), clock.instant());
        store.mailboxes().save(mailbox);
        store.commit();
        // Before the first message is read: the mailbox's own mail must not make its colleagues customers.
        ownDomains.include(mailbox.username());
        sync.start(mailbox);
        return MailboxView.of(mailbox, 0L);
    }

    public List<MailboxView> list(User caller) {
        var all = store.mailboxes().list();
        var visible = new VisibilityPolicy(all).viewer(caller).mailboxIds();
        return all.stream().filter(m -> visible.contains(m.id())).map(m -> MailboxView.of(m, null)).toList();
    }

    public MailboxView get(User caller, String id) {
        var m = find(caller, id);
        return MailboxView.of(m, store.messages().countByMailbox(id, null));
    }

    /** Pause, resume, folders, credentials, name, sharing. */
    public MailboxView patch(User caller, String id, JsonNode body) {
        var m = find(caller, id);
        var name = body.hasNonNull("name") ? MailboxRequest.text(body, "name", true) : m.name();
        var username = body.hasNonNull("username") ? MailboxRequest.text(body, "username", true) : m.username();
        var password = body.hasNonNull("password") ? secrets.encrypt(MailboxRequest.text(body, "password", true)) : m.encryptedPassword();
        var folders = m.folders();
        if (body.has("folders")) {
            if (!body.get("folders").isArray()) throw ApiException.badRequest("folders must be an array of folder names");
            var list = new ArrayList<String>();
            body.get("folders").forEach(f -> list.add(f.asText()));
            if (list.stream().anyMatch(String::isBlank)) throw ApiException.badRequest("folders must be non-empty names");
            folders = list;
        }
        boolean shared = body.has("shared") ? body.get("shared").asBoolean() : m.shared();
        if (body.has("paused") && !body.get("paused").isBoolean()) throw ApiException.badRequest("paused must be true or false");
        // The running sync writes the mailbox's state and checkpoints until it has stopped: stop it first and build
        // on what it left, so that neither a pause nor a checkpoint it wrote meanwhile is overwritten.
        sync.stop(id);
        var current = store.mailboxes().find(id).orElseThrow(() -> ApiException.notFound("no mailbox " + id));
        var state = current.state();
        if (body.has("paused")) state = body.get("paused").asBoolean() ? SyncState.PAUSED : SyncState.CONNECTING;
        boolean credentialsChanged = !username.equals(m.username()) || !password.equals(m.encryptedPassword());
        if (credentialsChanged && state == SyncState.ERROR) state = SyncState.CONNECTING;
        var updated = new Mailbox(current.id(), name, current.host(), current.port(), current.security(), username, password,
                folders, current.since(), current.ownerId(), shared, current.allowInsecure(), current.pinnedCertificateSha256(),
                state, state == SyncState.CONNECTING ? null : current.lastError(), current.folderSync(), current.createdAt());
        store.mailboxes().save(updated);
        store.commit();
        ownDomains.include(updated.username());
        if (updated.state() != SyncState.PAUSED) sync.start(updated);
        return get(caller, id);
    }

    /** Stops syncing and removes the mailbox; with {@code purge} its mail goes too (mail also held by another mailbox stays). */
    public void delete(User caller, String id, boolean purge) {
        var m = find(caller, id);
        sync.stop(m.id());
        if (purge) {
            // Locations only: a large mailbox's messages are never all in memory at once.
            for (var entry : store.messages().locationsByMailbox(id, null).entrySet()) {
                var remaining = entry.getValue().stream().filter(l -> !l.mailboxId().equals(id)).toList();
                if (remaining.isEmpty()) store.messages().delete(entry.getKey());
                else store.messages().find(entry.getKey()).ifPresent(msg -> store.messages().save(msg.with(b -> b.locations = remaining)));
            }
        }
        store.mailboxes().delete(id);
        store.commit();
    }

    public List<String> test(MailboxRequest r) {
        return sync.probe(r);
    }

    private Mailbox find(User caller, String id) {
        return store.mailboxes().find(id).filter(m -> new VisibilityPolicy(List.of(m)).viewer(caller).mailboxIds().contains(m.id()))
                .orElseThrow(() -> ApiException.notFound("no mailbox " + id));
    }
}
