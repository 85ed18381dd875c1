package io.dealwire.api.mailbox;

import io.dealwire.api.secret.SecretBox;
import io.dealwire.core.mailbox.Mailbox;
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
}
