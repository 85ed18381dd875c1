package io.dealwire.api.crm;

import io.dealwire.api.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every CRM endpoint × role (admin, manager, rep) on records of two reps with private mailboxes: a rep
 * sees their own records and gets 404, never 403, for the other rep's ids; managers and admins see every
 * record, but nobody but the mailbox owner reads a private conversation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityMatrixTest {
    @TempDir
    static Path dataDir;
    private CrmFixture f;
    private Map<String, TestHttp> clients;

    @BeforeAll
    void seed() {
        f = new CrmFixture(dataDir);
        var manager = f.user("Mona", "manager");
        var rita = f.user("Rita", "rep");
        var remy = f.user("Remy", "rep");
        clients = Map.of("admin", f.admin, "manager", manager.http(), "rita", rita.http(), "remy", remy.http());

        f.mailbox("box-rita", rita.id(), false);
        f.mailbox("box-remy", remy.id(), false);
        f.company("co-acme", "Acme", "acme.example");
        f.company("co-globex", "Globex", "globex.example");
        var dana = f.contact("ct-dana", "Dana Smith", "dana@acme.example", "co-acme");
        var gus = f.contact("ct-gus", "Gus Grey", "gus@globex.example", "co-globex");
        f.deal("deal-acme", "Acme licences", "co-acme", rita.id(), "contacted", 1000);
        f.deal("deal-globex", "Globex rollout", "co-globex", remy.id(), "qualified", 2000);
        f.message("msg-acme", "box-rita", dana, "deal-acme", "Quote please", "We need a quote.", "", false);
        f.message("msg-acme-private", "box-rita", dana, "deal-acme", "Personal note", "Private matter.", "", true);
        f.message("msg-globex", "box-remy", gus, "deal-globex", "Rollout plan", "Here is the plan.", "", false);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    /** One row: a request and who gets 200 (everyone else gets 404). */
    private record Row(String name, Function<TestHttp, TestHttp.Reply> call, List<String> allowed) {
    }

    private static final List<String> ALL = List.of("admin", "manager", "rita", "remy");

    private List<Row> rows() {
        var rows = new ArrayList<Row>();
        for (var own : List.of(new String[]{"rita", "deal-acme", "ct-dana", "co-acme", "msg-acme"},
                new String[]{"remy", "deal-globex", "ct-gus", "co-globex", "msg-globex"})) {
            var allowed = List.of("admin", "manager", own[0]);
            String deal = own[1], contact = own[2], company = own[3], message = own[4];
            rows.add(new Row("GET deal " + deal, h -> h.get("/api/deals/" + deal), allowed));
            rows.add(new Row("GET deal timeline " + deal, h -> h.get("/api/deals/" + deal + "/timeline"), allowed));
            rows.add(new Row("PATCH deal " + deal, h -> h.patch("/api/deals/" + deal, "{}"), allowed));
            rows.add(new Row("POST deal stage " + deal, h -> h.post("/api/deals/" + deal + "/stage",
                    "{\"stage\":\"" + (deal.equals("deal-acme") ? "contacted" : "qualified") + "\"}"), allowed));
            rows.add(new Row("GET contact " + contact, h -> h.get("/api/contacts/" + contact), allowed));
            rows.add(new Row("GET contact timeline " + contact, h -> h.get("/api/contacts/" + contact + "/timeline"), allowed));
            rows.add(new Row("PATCH contact " + contact, h -> h.patch("/api/contacts/" + contact, "{}"), allowed));
            rows.add(new Row("GET company " + company, h -> h.get("/api/companies/" + company), allowed));
            rows.add(new Row("GET company timeline " + company, h -> h.get("/api/companies/" + company + "/timeline"), allowed));
            rows.add(new Row("PATCH company " + company, h -> h.patch("/api/companies/" + company, "{}"), allowed));
            rows.add(new Row("GET message " + message, h -> h.get("/api/messages/" + message), allowed));
            rows.add(new Row("GET raw " + message, h -> h.get("/api/messages/" + message + "/raw"), allowed));
            rows.add(new Row("accept a suggestion of " + deal + " that does not exist",
                    h -> h.post("/api/deals/" + deal + "/suggestions/none/accept", "{}"), List.of()));
        }
        // A private conversation stays with the owner of its mailbox, whoever asks.
        rows.add(new Row("GET private message", h -> h.get("/api/messages/msg-acme-private"), List.of("rita")));
        rows.add(new Row("GET unknown deal", h -> h.get("/api/deals/deal-none"), List.of()));
        rows.add(new Row("GET unknown message", h -> h.get("/api/messages/none"), List.of()));
        // Merging someone else's deal (or into it) is as unknown as reading it.
        rows.add(new Row("merge across reps", h -> h.post("/api/deals/deal-acme/merge", "{\"into\":\"deal-globex\"}"), List.of()));
        return rows;
    }

    @Test
    void everyEndpointAnswers200ToThoseAllowedAnd404ToEveryoneElse() {
        var failures = new ArrayList<String>();
        for (var row : rows()) {
            for (var role : ALL) {
                // Merging across reps is allowed to managers and admins but would change the data the other rows
                // read: it is checked for reps only.
                if (row.name().startsWith("merge") && !role.startsWith("r")) continue;
                var reply = row.call().apply(clients.get(role));
                boolean allowed = row.allowed().contains(role);
                int expected = allowed ? 200 : 404;
                if (reply.status() != expected)
                    failures.add(row.name() + " as " + role + ": expected " + expected + ", got " + reply.status() + " " + reply.body());
                if (!allowed && (reply.body().contains("Acme licences") || reply.body().contains("Globex rollout")))
                    failures.add(row.name() + " as " + role + " leaks a title: " + reply.body());
            }
        }
        if (!failures.isEmpty()) fail(failures.size() + " wrong answers:\n" + String.join("\n", failures));
    }

    @Test
    void listsHoldOnlyWhatTheCallerMaySee() {
        var ritas = ids(clients.get("rita").get("/api/deals").json().get("items"));
        assertTrue(ritas.contains("deal-acme") && !ritas.contains("deal-globex"), ritas.toString());
        assertEquals(List.of("deal-globex"), ids(clients.get("remy").get("/api/deals").json().get("items")));
        var all = ids(clients.get("manager").get("/api/deals").json().get("items"));
        assertTrue(all.containsAll(List.of("deal-acme", "deal-globex")), all.toString());
        assertEquals(List.of("ct-dana"), ids(clients.get("rita").get("/api/contacts").json().get("items")));
        assertEquals(List.of("co-globex"), ids(clients.get("remy").get("/api/companies").json().get("items")));
        assertEquals(2, clients.get("admin").get("/api/companies").json().get("total").asInt());

        var timeline = clients.get("rita").get("/api/deals/deal-acme/timeline").json().get("items");
        assertEquals(List.of("msg-acme", "msg-acme-private"), ids(timeline).stream().sorted().toList());
        var managerTimeline = clients.get("manager").get("/api/deals/deal-acme/timeline").json().get("items");
        assertEquals(List.of("msg-acme"), ids(managerTimeline), "the private conversation is not on the manager's timeline");

        assertEquals(1, clients.get("remy").get("/api/metrics").json().get("openDeals").asInt(), "metrics count only visible deals");
        assertTrue(clients.get("manager").get("/api/metrics").json().get("openDeals").asInt() >= 2);

        var reminders = clients.get("remy").get("/api/reminders?owner=all");
        assertEquals(200, reminders.status(), reminders.body());
        for (var r : reminders.json()) assertFalse(r.get("dealId").asText().equals("deal-acme"), reminders.body());
    }

    @Test
    void adminOnlyOperationsAreForbiddenToOthersAndReadsAreOpen() {
        for (var role : ALL) {
            assertEquals(200, clients.get(role).get("/api/pipelines").status());
            assertEquals(200, clients.get(role).get("/api/pipelines/default").status());
            assertEquals(200, clients.get(role).get("/api/pipelines/templates").status());
            var create = clients.get(role).post("/api/pipelines", "{\"template\":\"inbound\",\"id\":\"in-" + role + "\"}");
            assertEquals(role.equals("admin") ? 201 : 403, create.status(), role + ": " + create.body());
        }
    }

    @Test
    void aRepCannotGiveADealToSomeoneElseNorReadAnotherRepsCompanyThroughADeal() {
        var rita = clients.get("rita");
        var other = rita.post("/api/deals", "{\"title\":\"Side deal\",\"companyId\":\"co-acme\",\"ownerId\":\"" + f.adminId + "\"}");
        assertEquals(403, other.status(), other.body());
        var intoOther = rita.post("/api/deals", "{\"title\":\"Sneaky\",\"companyId\":\"co-globex\"}");
        assertEquals(404, intoOther.status(), "a company the rep cannot see is unknown: " + intoOther.body());
        var own = rita.post("/api/deals", "{\"title\":\"Acme extension\",\"companyId\":\"co-acme\",\"value\":500}");
        assertEquals(201, own.status(), own.body());
        assertTrue(ids(rita.get("/api/deals").json().get("items")).contains(own.json().get("id").asText()));
        assertFalse(ids(clients.get("remy").get("/api/deals").json().get("items")).contains(own.json().get("id").asText()));
    }

    private static List<String> ids(com.fasterxml.jackson.databind.JsonNode items) {
        var out = new ArrayList<String>();
        for (var i : items) out.add(i.has("id") ? i.get("id").asText() : i.path("contact").path("id").asText());
        return out;
    }
}
