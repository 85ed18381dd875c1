package io.dealwire.api.context;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.dealwire.api.SalesInbox;
import io.dealwire.api.TestHttp;
import io.dealwire.api.TestImapSetups;
import io.dealwire.api.app.Dealwire;
import io.dealwire.api.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The running service keeps what the context reads (records, index lookups) between requests; a new message and a
 * change made through the API still show in the next answers: the new message once the index has it, the change at
 * once.
 */
class ContextFreshnessApiTest {
    private static final String TOKEN = "test-admin-token-0123456789";
    /** Generous: a loaded machine polls, stores and indexes slowly. */
    private static final Duration AWAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static GreenMailExtension imap = new GreenMailExtension(TestImapSetups.imap());

    @TempDir
    Path dataDir;

    @Test
    void aNewMessageAndAContactChangeShowInTheNextContext() throws Exception {
        var inbox = new SalesInbox(imap);
        inbox.deliver(SalesInbox.QUOTE_REQUEST);
        var config = new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of("northwind.example"), 1);
        try (var app = Dealwire.start(config)) {
            var http = new TestHttp(app.port(), TOKEN);
            var added = http.post("/api/mailboxes", inbox.mailboxRequest());
            assertEquals(201, added.status(), added.body());

            var path = "/api/context?messageId=" + TestHttp.q("<q1@acme.example>") + "&email=" + TestHttp.q("dana@acme.example");
            TestHttp.await(AWAIT, () -> http.get(path), r -> timeline(r).equals(List.of("Request for a quote on 40 licences")));

            inbox.deliver("""
                    Message-ID: <q2@acme.example>
                    In-Reply-To: <q1@acme.example>
                    References: <q1@acme.example>
                    Date: Tue, 4 Mar 2025 09:00:00 +0000
                    From: Dana Smith <dana@acme.example>
                    To: Sales <sales@northwind.example>
                    Subject: Re: Request for a quote on 40 licences
                    Content-Type: text/plain; charset=UTF-8

                    Any news about the quote?
                    """);
            var after = TestHttp.await(AWAIT, () -> http.get(path), r -> timeline(r).size() == 2);
            assertEquals("Re: Request for a quote on 40 licences", timeline(after).getFirst(), after.body());

            var contactId = after.json().at("/contact/id").asText();
            var renamed = http.patch("/api/contacts/" + contactId, "{\"name\": \"Dana Smith-Jones\"}");
            assertEquals(200, renamed.status(), renamed.body());
            assertEquals("Dana Smith-Jones", http.get(path).json().at("/contact/name").asText(), "a change through the API shows at once");
        }
    }

    private static List<String> timeline(TestHttp.Reply r) {
        var out = new java.util.ArrayList<String>();
        r.json().path("timeline").forEach(t -> out.add(t.path("subject").asText()));
        return out;
    }
}
