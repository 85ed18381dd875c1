package io.dealwire.api.app;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.dealwire.api.SalesInbox;
import io.dealwire.api.TestHttp;
import io.dealwire.api.TestImapSetups;
import io.dealwire.api.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The whole path once, as a user would drive it: an IMAP server with a few messages, a mailbox added
 * through the API, its messages fetched, parsed, stored and indexed, then found by search and by
 * context; and all of it still there after a restart on the same data dir.
 */
class FoundationPathTest {
    private static final String TOKEN = "test-admin-token-0123456789";

    @RegisterExtension
    static GreenMailExtension imap = new GreenMailExtension(TestImapSetups.imap());

    @TempDir
    Path dataDir;

    private Config config() {
        return new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of("northwind.example"), 1);
    }

    @Test
    void mailboxMessagesAreStoredIndexedSearchableAndSurviveARestart() throws Exception {
        var inbox = new SalesInbox(imap);
        inbox.deliver(SalesInbox.QUOTE_REQUEST);
        inbox.deliver("""
                Message-ID: <r1@northwind.example>
                In-Reply-To: <q1@acme.example>
                References: <q1@acme.example>
                Date: Mon, 3 Mar 2025 11:00:00 +0000
                From: Sales <sales@northwind.example>
                To: Dana Smith <dana@acme.example>
                Subject: Re: Request for a quote on 40 licences
                Content-Type: text/plain; charset=UTF-8

                Dear Dana, thank you. Could we have a call on Thursday to understand your needs?
                """);
        inbox.deliver("""
                Message-ID: <n1@bettercorp.example>
                Date: Tue, 4 Mar 2025 08:00:00 +0000
                From: Luc Martin <luc@bettercorp.example>
                To: sales@northwind.example
                Subject: Demande de devis
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Bonjour, pourriez-vous nous envoyer un devis pour la maintenance annuelle ? Merci, Luc
                """);

        String mailboxId;
        try (var app = Dealwire.start(config())) {
            var http = new TestHttp(app.port(), TOKEN);
            assertEquals(200, http.getAnonymous("/api/health").status());
            assertEquals(401, http.getAnonymous("/api/mailboxes").status());
            assertEquals(401, http.getAnonymous("/api/search?q=quote").status());

            var added = http.post("/api/mailboxes", inbox.mailboxRequest());
            assertEquals(201, added.status(), added.body());
            mailboxId = added.json().get("id").asText();
            assertFalse(added.body().contains(SalesInbox.PASSWORD), "the password is never returned");

            var mailbox = await(() -> http.get("/api/mailboxes/" + mailboxId), r -> r.json().path("messages").asLong() == 3
                    && r.json().path("state").asText().equals("idle"));
            assertEquals(3, mailbox.json().at("/folderSync/0/backfill/done").asLong(), mailbox.body());
            assertEquals(3, mailbox.json().at("/folderSync/0/lastUid").asLong(), mailbox.body());
            // stored is not yet searchable: wait until the index serves all three, so what follows sees them all
            await(() -> http.get("/api/admin/index"), r -> r.json().path("documents").asLong() == 3);

            var search = await(() -> http.get("/api/search?q=" + TestHttp.q("licences")), r -> r.json().path("total").asLong() >= 1);
            assertEquals("Request for a quote on 40 licences", search.json().at("/hits/0/subject").asText());
            assertEquals("q1@acme.example", search.json().at("/hits/0/messageId").asText(), "the Message-ID, to open it in a mail client");
            assertEquals(200, http.get("/api/messages/" + search.json().at("/hits/0/id").asText()).status(), "the stored id opens it here");
            var companyId = search.json().at("/hits/0/company").asText();
            assertEquals(search.json().path("total").asLong(), search.json().at("/facets/company/" + companyId).asLong(), search.body());
            assertEquals(search.json().at("/hits/0/companyName").asText(), search.json().at("/labels/company/" + companyId).asText(),
                    "facet values are named: " + search.body());
            var french = await(() -> http.get("/api/search?q=devis"), r -> r.json().path("total").asLong() == 1);
            assertEquals("Demande de devis", french.json().at("/hits/0/subject").asText());

            var context = http.get("/api/context?email=" + TestHttp.q("dana@acme.example"));
            assertEquals(200, context.status(), context.body());
            assertEquals("Dana Smith", context.json().at("/contact/name").asText(), context.body());
            assertEquals("acme.example", context.json().at("/company/domains/0").asText(), context.body());
            assertFalse(context.json().get("timeline").isEmpty(), context.body());

            assertEquals(400, http.get("/api/context").status());
        }

        try (var app = Dealwire.start(config())) {
            var http = new TestHttp(app.port(), TOKEN);
            var mailbox = http.get("/api/mailboxes/" + mailboxId);
            assertEquals(200, mailbox.status(), mailbox.body());
            assertEquals(3, mailbox.json().get("messages").asLong(), mailbox.body());
            var search = await(() -> http.get("/api/search?q=licences"), r -> r.json().path("total").asLong() >= 1);
            assertEquals("Request for a quote on 40 licences", search.json().at("/hits/0/subject").asText());
        }
    }

    /** Generous: the deadline only catches a hang; a loaded CI machine must never hit it. */
    static final Duration AWAIT = Duration.ofSeconds(120);

    static TestHttp.Reply await(java.util.function.Supplier<TestHttp.Reply> call, Predicate<TestHttp.Reply> done) throws InterruptedException {
        return TestHttp.await(AWAIT, call, done);
    }
}
