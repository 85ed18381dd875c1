package io.dealwire.index.query;

import io.dealwire.core.message.Direction;
import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.IndexContext;
import io.dealwire.index.MessageIndex;
import io.dealwire.index.search.Hit;
import io.dealwire.index.search.SearchRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.dealwire.index.Messages.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every operator against a small index: what it must find and what it must not. */
class LuceneQueryBuilderTest {
    static final Viewer MANAGER = new Viewer("u-manager", Role.MANAGER, Set.of());

    @TempDir
    Path dir;
    MessageIndex index;

    @BeforeEach
    void seed() {
        var context = new IndexContext() {
            @Override
            public String companyName(String id) {
                return id.equals("c-acme") ? "Acme Industries" : "Globex";
            }

            @Override
            public String dealTitle(String id) {
                return id.equals("d-acme") ? "Acme renewal 2024" : "Globex pilot";
            }

            @Override
            public String dealStage(String id) {
                return id.equals("d-acme") ? "negotiation" : "proposal";
            }

            @Override
            public String mailboxOwner(String mailboxId) {
                return mailboxId.equals("mb-dana") ? "u-dana" : "u-sam";
            }
        };
        index = MessageIndex.open(dir, context);
        var acme = message("a1", "Contract renewal", "We can sign the contract next week.", "Bob Stone <bob@acme.com>",
                "2024-03-05T10:00:00Z").with(b -> {
            b.companyId = "c-acme";
            b.dealId = "d-acme";
            b.language = "en";
        });
        index.index(withCc(withAttachment(withMailbox(acme, "mb-dana"), "Devis-2024.pdf", "application/pdf"), "Legal <legal@acme.com>"));
        index.index(withMailbox(message("g1", "Pilot planning", "Nous vous envoyons l'offre pour le pilote.",
                "Marie Curie <marie@globex.fr>", "2024-04-10T10:00:00Z").with(b -> {
            b.companyId = "c-globex";
            b.dealId = "d-globex";
            b.language = "fr";
            b.direction = Direction.OUTBOUND;
        }), "mb-sam"));
        index.index(message("n1", "Newsletter", "Monthly news about gas prices.", "news@list.test",
                "2001-06-30T23:00:00Z").with(b -> b.mail = b.mail));
        index.refresh();
    }

    @AfterEach
    void close() {
        index.close();
    }

    List<String> find(String q) {
        return index.search(SearchRequest.of(q), MANAGER).hits().stream().map(Hit::id).sorted().toList();
    }

    @Test
    void words() {
        assertEquals(List.of("a1"), find("contract"));
        assertEquals(List.of("a1"), find("CONTRACT sign"));
        assertEquals(List.of(), find("contract pilote"));
        assertEquals(List.of(), find("zanzibar"));
    }

    @Test
    void phrases() {
        assertEquals(List.of("a1"), find("\"sign the contract\""));
        assertEquals(List.of(), find("\"contract the sign\""));
    }

    @Test
    void exclusionAndOr() {
        assertEquals(List.of("g1", "n1"), find("-contract"));
        assertEquals(List.of("a1", "g1"), find("contract OR pilote"));
        assertEquals(List.of("g1"), find("(contract OR pilote) -from:bob@acme.com"));
    }

    @Test
    void participants() {
        assertEquals(List.of("a1"), find("from:bob@acme.com"));
        assertEquals(List.of("a1"), find("from:stone"));
        assertEquals(List.of("a1"), find("from:\"Bob Stone\""));
        assertEquals(List.of(), find("from:legal@acme.com"));
        assertEquals(List.of("a1"), find("cc:legal@acme.com"));
        assertEquals(List.of("a1", "g1", "n1"), find("to:rep@dealwire.test"));
        assertEquals(List.of(), find("to:bob@acme.com"));
    }

    @Test
    void subjectOnlyLooksAtTheSubject() {
        assertEquals(List.of("a1"), find("subject:contract"));
        assertEquals(List.of(), find("subject:sign"));
        assertEquals(List.of("g1"), find("subject:\"pilot planning\""));
    }

    @Test
    void linksByIdOrName() {
        assertEquals(List.of("a1"), find("company:c-acme"));
        assertEquals(List.of("a1"), find("company:acme"));
        assertEquals(List.of("g1"), find("company:\"globex\""));
        assertEquals(List.of("a1"), find("deal:d-acme"));
        assertEquals(List.of("a1"), find("deal:renewal"));
        assertEquals(List.of("g1"), find("stage:proposal"));
        assertEquals(List.of("a1"), find("stage:Negotiation"));
    }

    @Test
    void ownersAndMailboxes() {
        assertEquals(List.of("a1"), find("owner:u-dana"));
        assertEquals(List.of("g1"), find("mailbox:mb-sam"));
        assertEquals(List.of("n1"), find("mailbox:mb-1"));
    }

    @Test
    void attachments() {
        assertEquals(List.of("a1"), find("has:attachment"));
        assertEquals(List.of("a1"), find("filename:pdf"));
        assertEquals(List.of("a1"), find("filename:devis"));
        assertEquals(List.of("a1"), find("devis"));
        assertEquals(List.of(), find("filename:xls"));
    }

    @Test
    void directionAndLanguage() {
        assertEquals(List.of("a1", "n1"), find("is:inbound"));
        assertEquals(List.of("g1"), find("is:outbound"));
        assertEquals(List.of("g1"), find("lang:fr"));
        assertEquals(List.of("a1"), find("lang:en"));
    }

    @Test
    void dates() {
        assertEquals(List.of("n1"), find("before:2024-01"));
        assertEquals(List.of("a1", "g1"), find("after:2024-03"));
        assertEquals(List.of("g1"), find("after:2024-04"));
        assertEquals(List.of("a1"), find("on:2024-03-05"));
        assertEquals(List.of("a1"), find("on:2024-03"));
        assertEquals(List.of("n1"), find("after:2001-01 before:2001-07"));
        assertEquals(List.of(), find("on:2024-03-06"));
    }

    @Test
    void aMalformedQueryIsASyntaxError() {
        var e = assertThrows(QuerySyntaxException.class, () -> index.search(SearchRequest.of("from:"), MANAGER));
        assertEquals(0, e.position());
    }
}
