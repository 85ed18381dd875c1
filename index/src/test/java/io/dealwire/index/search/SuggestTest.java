package io.dealwire.index.search;

import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.IndexContext;
import io.dealwire.index.MessageIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dealwire.index.Messages.message;
import static io.dealwire.index.Messages.withMailbox;
import static org.junit.jupiter.api.Assertions.*;

class SuggestTest {
    static final Viewer ADMIN = new Viewer("u-admin", Role.ADMIN, Set.of());
    static final Viewer REP = new Viewer("u-rep", Role.REP, Set.of("mb-rep"));

    @TempDir
    Path dir;
    MessageIndex index;

    @BeforeEach
    void seed() {
        var companies = Map.of("c-acme", "Acme Industries", "c-acro", "Acrobat Labs", "c-zeta", "Zeta Corp");
        var deals = Map.of("d-acme", "Acme renewal 2024");
        index = MessageIndex.open(dir, new IndexContext() {
            @Override
            public String companyName(String id) {
                return companies.getOrDefault(id, "");
            }

            @Override
            public String dealTitle(String id) {
                return deals.getOrDefault(id, "");
            }
        });
        for (int i = 0; i < 3; i++) {
            index.index(withMailbox(message("a" + i, "Hi", "text", "Alice Acker <alice@acme.com>", "2024-01-01T00:00:00Z")
                    .with(b -> { b.companyId = "c-acme"; b.dealId = "d-acme"; }), "mb-rep"));
        }
        index.index(withMailbox(message("r1", "Hi", "text", "Bob <bob@acrobat.io>", "2024-01-01T00:00:00Z")
                .with(b -> b.companyId = "c-acro"), "mb-other"));
        index.index(withMailbox(message("z1", "Hi", "text", "Zoe <zoe@zeta.com>", "2024-01-01T00:00:00Z")
                .with(b -> b.companyId = "c-zeta"), "mb-rep"));
        index.refresh();
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void suggestsCompaniesDealsAndContactsByWordPrefixMostFrequentFirstThenByName() {
        var s = index.suggest("ac", ADMIN, 10);
        assertEquals(List.of(
                new Suggestion("company", "c-acme", "Acme Industries", 3),
                new Suggestion("deal", "d-acme", "Acme renewal 2024", 3),
                new Suggestion("contact", "alice@acme.com", "Alice Acker", 3),
                new Suggestion("company", "c-acro", "Acrobat Labs", 1),
                new Suggestion("contact", "bob@acrobat.io", "Bob", 1)), s);
        assertEquals(List.of(new Suggestion("deal", "d-acme", "Acme renewal 2024", 3)), index.suggest("acme ren", ADMIN, 10));
        assertEquals(List.of(new Suggestion("company", "c-acme", "Acme Industries", 3)), index.suggest("Indus", ADMIN, 10));
        assertEquals(2, index.suggest("ac", ADMIN, 2).size());
        assertEquals(List.of(), index.suggest(" ", ADMIN, 10));
    }

    @Test
    void aRepIsOnlySuggestedWhatAppearsInMailTheyMaySee() {
        var s = index.suggest("ac", REP, 10);
        assertTrue(s.stream().noneMatch(x -> x.id().equals("c-acro") || x.id().equals("bob@acrobat.io")), s.toString());
        assertEquals(3, s.size());
        assertEquals(List.of(), index.suggest("bob", REP, 10));
        assertEquals(List.of(), index.suggest("ac", new Viewer("u-x", Role.REP, Set.of()), 10));
    }
}
