package io.dealwire.index.search;

import io.dealwire.core.message.Direction;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.IndexContext;
import io.dealwire.index.MessageIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.dealwire.index.Messages.withMailbox;
import static org.junit.jupiter.api.Assertions.*;

/**
 * For each role, proves that messages a viewer may not see leave no trace: not in hits, not in totals
 * (plain and grouped), not in any facet count, not in snippets, whatever the query and sort.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityTest {
    private static final Map<String, String> OWNERS = Map.of("mb-rep1", "u-rep1", "mb-rep2", "u-rep2",
            "mb-shared", "u-admin", "mb-mgr", "u-mgr");

    /** One seeded message and what the test knows about it. */
    record Seed(String id, String secret, String company, String deal, String month, List<String> mailboxes,
                boolean privateConversation, Direction direction) {
        StoredMessage stored() {
            var m = io.dealwire.index.Messages.message(id, "Budget " + secret, "The budget and " + secret + " details for " + company + ".",
                    "someone@" + company + ".test", month + "-15T10:00:00Z");
            return withMailbox(m, mailboxes.toArray(String[]::new)).with(b -> {
                b.companyId = company;
                b.dealId = deal;
                b.privateConversation = privateConversation;
                b.direction = direction;
                b.conversationId = "conv-" + (id.startsWith("t") ? "thread" : id);
            });
        }
    }

    static final List<Seed> SEEDS = List.of(
            new Seed("p1", "alpha", "c-a", "d-a", "2024-01", List.of("mb-rep1"), false, Direction.INBOUND),
            new Seed("p2", "bravo", "c-b", "d-b", "2024-02", List.of("mb-rep2"), false, Direction.OUTBOUND),
            new Seed("s1", "charlie", "c-c", "d-c", "2024-03", List.of("mb-shared"), false, Direction.INBOUND),
            new Seed("priv1", "delta", "c-d", "d-d", "2024-04", List.of("mb-rep1"), true, Direction.INBOUND),
            new Seed("int1", "echo", "c-e", "d-e", "2024-05", List.of("mb-rep2"), false, Direction.INTERNAL),
            new Seed("both", "foxtrot", "c-a", "d-a", "2024-06", List.of("mb-rep1", "mb-rep2"), false, Direction.INBOUND),
            new Seed("mgr1", "golf", "c-g", "d-g", "2024-07", List.of("mb-mgr"), false, Direction.INBOUND),
            new Seed("mgrpriv", "hotel", "c-h", "d-h", "2024-08", List.of("mb-mgr"), true, Direction.OUTBOUND),
            new Seed("orphan", "india", "c-i", "d-i", "2024-09", List.of(), false, Direction.INBOUND),
            // one conversation, a visible and a private message: grouping must not reveal the private one
            new Seed("t-open", "juliet", "c-j", "d-j", "2024-10", List.of("mb-rep2"), false, Direction.INBOUND),
            new Seed("t-closed", "kilo", "c-k", "d-k", "2024-11", List.of("mb-rep1"), true, Direction.INBOUND));

    static final Set<String> ALL_MAILBOXES = Set.of("mb-rep1", "mb-rep2", "mb-shared", "mb-mgr");

    record Case(Viewer viewer, Set<String> visible) {
        @Override
        public String toString() {
            return viewer.role() + " " + viewer.userId();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(new Viewer("u-rep1", Role.REP, Set.of("mb-rep1", "mb-shared")),
                        Set.of("p1", "s1", "priv1", "both", "t-closed")),
                new Case(new Viewer("u-rep2", Role.REP, Set.of("mb-rep2", "mb-shared")),
                        Set.of("p2", "s1", "int1", "both", "t-open")),
                new Case(new Viewer("u-nobody", Role.REP, Set.of()), Set.of()),
                new Case(new Viewer("u-mgr", Role.MANAGER, ALL_MAILBOXES),
                        Set.of("p1", "p2", "s1", "both", "mgr1", "mgrpriv", "orphan", "t-open")),
                new Case(new Viewer("u-admin", Role.ADMIN, ALL_MAILBOXES),
                        Set.of("p1", "p2", "s1", "both", "mgr1", "orphan", "t-open")));
    }

    MessageIndex index;

    @BeforeAll
    void seed(@TempDir Path dir) {
        index = MessageIndex.open(dir, new IndexContext() {
            @Override
            public String mailboxOwner(String mailboxId) {
                return OWNERS.getOrDefault(mailboxId, "");
            }

            @Override
            public String dealStage(String dealId) {
                return "stage-" + dealId;
            }
        });
        SEEDS.forEach(s -> index.index(s.stored()));
        index.refresh();
    }

    @AfterAll
    void close() {
        index.close();
    }

    static Map<String, Map<String, Long>> expectedFacets(Set<String> visible) {
        var out = new TreeMap<String, Map<String, Long>>();
        for (var dim : List.of("company", "deal", "stage", "owner", "month")) out.put(dim, new TreeMap<>());
        for (var s : SEEDS) {
            if (!visible.contains(s.id())) continue;
            out.get("company").merge(s.company(), 1L, Long::sum);
            out.get("deal").merge(s.deal(), 1L, Long::sum);
            out.get("stage").merge("stage-" + s.deal(), 1L, Long::sum);
            out.get("month").merge(s.month(), 1L, Long::sum);
            for (var owner : new TreeSet<>(s.mailboxes().stream().map(OWNERS::get).toList())) {
                out.get("owner").merge(owner, 1L, Long::sum);
            }
        }
        return out;
    }

    static Map<String, Map<String, Long>> sorted(Map<String, Map<String, Long>> facets) {
        var out = new TreeMap<String, Map<String, Long>>();
        facets.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hitsTotalsAndFacetsShowOnlyWhatTheViewerMaySee(Case c) {
        for (var sort : SearchRequest.Sort.values()) {
            var r = index.search(new SearchRequest("budget", 100, null, sort, false), c.viewer());
            assertEquals(c.visible(), Set.copyOf(r.hits().stream().map(Hit::id).toList()), sort.name());
            assertEquals(c.visible().size(), r.total(), sort.name());
            assertEquals(expectedFacets(c.visible()), sorted(r.facets()), sort.name());
        }
        var everything = index.search(new SearchRequest("", 100, null, SearchRequest.Sort.DATE, false), c.viewer());
        assertEquals(c.visible().size(), everything.total());
        assertEquals(expectedFacets(c.visible()), sorted(everything.facets()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aHiddenMessagesOwnWordsFindNothingAndSnippetsNeverShowThem(Case c) {
        for (var s : SEEDS) {
            var r = index.search(SearchRequest.of(s.secret()), c.viewer());
            if (c.visible().contains(s.id())) {
                assertEquals(1, r.total(), s.id());
                assertTrue(r.hits().getFirst().snippet().contains("<mark>" + s.secret() + "</mark>"), r.hits().getFirst().snippet());
            } else {
                assertEquals(0, r.total(), s.id());
                assertEquals(List.of(), r.hits(), s.id());
                r.facets().values().forEach(values -> assertEquals(Map.of(), values, s.id()));
            }
        }
        var all = index.search(new SearchRequest("budget", 100, null, SearchRequest.Sort.RELEVANCE, false), c.viewer());
        var hiddenSecrets = SEEDS.stream().filter(s -> !c.visible().contains(s.id())).map(Seed::secret).toList();
        for (var hit : all.hits()) {
            for (var secret : hiddenSecrets) {
                assertFalse(hit.snippet().contains(secret), hit.snippet());
                assertFalse(hit.subject().contains(secret), hit.subject());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void groupingCountsOnlyVisibleMessagesOfAConversation(Case c) {
        var r = index.search(new SearchRequest("budget", 100, null, SearchRequest.Sort.DATE, true), c.viewer());
        var expectedConversations = new HashMap<String, Integer>();
        for (var s : SEEDS) {
            if (c.visible().contains(s.id())) expectedConversations.merge(s.stored().conversationId(), 1, Integer::sum);
        }
        assertEquals(expectedConversations.size(), r.total());
        assertEquals(expectedConversations.size(), r.hits().size());
        for (var hit : r.hits()) {
            assertTrue(c.visible().contains(hit.id()), hit.id());
            assertEquals(expectedConversations.get(hit.conversationId()), hit.conversationMatches(), hit.id());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void timelineLookupsShowOnlyWhatTheViewerMaySee(Case c) {
        var deals = Set.copyOf(SEEDS.stream().map(Seed::deal).toList());
        var conversations = Set.copyOf(SEEDS.stream().map(s -> s.stored().conversationId()).toList());
        for (var within : List.of(new SearchRequest.Within(deals, Set.of()), new SearchRequest.Within(Set.of(), conversations))) {
            var r = index.search(SearchRequest.newest("", within, 100), c.viewer());
            assertEquals(c.visible(), Set.copyOf(r.hits().stream().map(Hit::id).toList()), within.toString());
            assertEquals(c.visible().size(), r.total(), within.toString());
            var dates = r.hits().stream().map(Hit::date).toList();
            assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates, "newest first");
            var hiddenSecrets = SEEDS.stream().filter(s -> !c.visible().contains(s.id())).map(Seed::secret).toList();
            for (var hit : r.hits())
                for (var secret : hiddenSecrets) assertFalse(hit.snippet().contains(secret) || hit.subject().contains(secret), hit.toString());
        }
    }
}
