package io.dealwire.api.mailbox;

import io.dealwire.api.secret.SecretBox;
import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.store.InMemoryStore;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class MailboxServiceTest {
    private final InMemoryStore store = new InMemoryStore();
    private final List<String> started = new ArrayList<>();
    private final SyncControl sync = new SyncControl() {
        @Override public void start(Mailbox mailbox) { started.add(mailbox.id()); }
        @Override public void stop(String mailboxId) { }
        @Override public List<String> probe(MailboxRequest request) { return List.of("INBOX"); }
    };

    @Test
    void connectingAMailboxMakesItsDomainOursBeforeItsMailIsRead() {
        var own = new OwnDomains(Set.of("northwind.fr"));
        var admin = store.users().save(new User("u1", "Ada", "ada@northwind.fr", Role.ADMIN, null, Instant.now()));
        var service = new MailboxService(store, new SecretBox(new byte[32]), sync, own, Clock.systemUTC());
        var request = MailboxRequest.parse(io.dealwire.api.http.Json.readObject("""
                {"name":"Lea","host":"127.0.0.1","port":143,"security":"none","username":"lea@northwind.io","password":"pw"}"""), true);
        var view = service.add(admin, request);
        assertTrue(own.isOurDomain("northwind.io"));
        assertEquals(List.of(view.id()), started);
        assertNotEquals("pw", store.mailboxes().find(view.id()).orElseThrow().encryptedPassword(), "the password is stored encrypted");
    }

    @Test
    void pausingKeepsThePauseAndTheCheckpointsTheRunningSyncWroteUntilItStopped() {
        var admin = store.users().save(new User("u1", "Ada", "ada@northwind.fr", Role.ADMIN, null, Instant.now()));
        var checkpoint = new FolderSync("INBOX", 7L, 900L, 0L, 100L, 800L, 800L, 1000L);
        // Like the real sync: until stop() returns, its thread may still write the mailbox's state and checkpoints.
        var writingUntilStopped = new SyncControl() {
            @Override public void start(Mailbox mailbox) { started.add(mailbox.id()); }
            @Override public void stop(String mailboxId) {
                store.mailboxes().saveState(mailboxId, SyncState.BACKFILLING, null);
                store.mailboxes().saveFolder(mailboxId, checkpoint);
            }
            @Override public List<String> probe(MailboxRequest request) { return List.of("INBOX"); }
        };
        var service = new MailboxService(store, new SecretBox(new byte[32]), writingUntilStopped,
                new OwnDomains(Set.of("northwind.fr")), Clock.systemUTC());
        var view = service.add(admin, MailboxRequest.parse(io.dealwire.api.http.Json.readObject("""
                {"name":"Lea","host":"127.0.0.1","port":143,"security":"none","username":"lea@northwind.io","password":"pw"}"""), true));
        started.clear();

        service.patch(admin, view.id(), io.dealwire.api.http.Json.readObject("{\"paused\":true}"));

        var stored = store.mailboxes().find(view.id()).orElseThrow();
        assertEquals(SyncState.PAUSED, stored.state(), "a pause survives the sync's last state write, and so a restart");
        assertEquals(checkpoint, stored.folderSync().get("INBOX"), "the checkpoint written before the sync stopped is kept");
        assertEquals(List.of(), started, "a paused mailbox is not started again");
    }
}
