package io.dealwire.api.crm;

import io.dealwire.api.TestHttp;
import io.dealwire.api.app.Dealwire;
import io.dealwire.api.config.Config;
import io.dealwire.core.company.Company;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.LinkSource;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.Store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A running service and helpers to put records straight into its store, for API tests. */
final class CrmFixture implements AutoCloseable {
    static final String TOKEN = "test-admin-token-0123456789";
    final Dealwire app;
    final TestHttp admin;
    final String adminId;

    CrmFixture(Path dataDir) {
        app = Dealwire.start(new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of("northwind.example"), 1));
        admin = new TestHttp(app.port(), TOKEN);
        adminId = admin.get("/api/me").json().get("id").asText();
    }

    Store store() {
        return app.store();
    }

    /** A user of this role and a client holding their token. */
    User user(String name, String role) {
        var created = admin.post("/api/users", "{\"name\":\"%s\",\"email\":\"%s@northwind.example\",\"role\":\"%s\"}"
                .formatted(name, name.toLowerCase(), role));
        if (created.status() != 201) throw new AssertionError(created.body());
        var id = created.json().get("id").asText();
        var token = admin.post("/api/users/" + id + "/tokens", "{\"label\":\"test\"}").json().get("token").asText();
        return new User(id, new TestHttp(app.port(), token));
    }

    record User(String id, TestHttp http) {
    }

    /** A mailbox that is not synced (paused): the tests put its messages in the store themselves. */
    Mailbox mailbox(String id, String ownerId, boolean shared) {
        return store().mailboxes().save(new Mailbox(id, id, "127.0.0.1", 1, Security.NONE, id, "", List.of("INBOX"), null,
                ownerId, shared, true, null, SyncState.PAUSED, null, null, Instant.parse("2025-01-01T00:00:00Z")));
    }

    Company company(String id, String name, String domain) {
        return store().companies().save(new Company(id, name, List.of(domain), Instant.parse("2025-01-01T00:00:00Z")));
    }

    Contact contact(String id, String name, String email, String companyId) {
        return store().contacts().save(new Contact(id, name, List.of(email), "", List.of(), companyId, List.of(), "", Instant.parse("2025-01-01T00:00:00Z")));
    }

    Deal deal(String id, String title, String companyId, String ownerId, String stage, double value) {
        var at = Instant.parse("2025-02-01T00:00:00Z");
        return store().deals().save(new Deal(id, title, "default", stage, companyId, null, ownerId, value, "EUR", at, at, false));
    }

    /** An inbound message from {@code contact} in {@code mailboxId}, linked to the deal. */
    StoredMessage message(String id, String mailboxId, Contact contact, String dealId, String subject, String text, String html, boolean privateConversation) {
        var mail = new MailMessage(id, id + "@test.example", null, List.of(), subject, new EmailAddress(contact.primaryEmail(), contact.name()),
                List.of(EmailAddress.of("sales@northwind.example")), List.of(), Instant.parse("2025-03-03T09:00:00Z"), text, text, "",
                html, List.of(), null, null, List.of(), id, text.length());
        return store().messages().save(new StoredMessage(mail, "conv-" + id, Direction.INBOUND, "en", contact.companyId(),
                List.of(contact.id()), dealId, LinkSource.AUTO, 0.9, false, privateConversation, false, false,
                List.of(new MessageLocation(mailboxId, "INBOX", 1, Math.abs(id.hashCode()), false)), 0));
    }

    /** PUT as the admin ({@link TestHttp} has no PUT of its own). */
    TestHttp.Reply put(String path, String json) {
        return admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)), true);
    }

    @Override
    public void close() {
        app.close();
    }
}
