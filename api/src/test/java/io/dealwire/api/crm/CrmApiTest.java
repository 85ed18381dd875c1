package io.dealwire.api.crm;

import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Evidence;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.message.LinkSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the CRM endpoints do, as the admin sees it: validation, stage history, suggestions, merge, bodies, pipelines. */
class CrmApiTest {
    @TempDir
    Path dataDir;
    private CrmFixture f;

    @BeforeEach
    void start() {
        f = new CrmFixture(dataDir);
        f.company("co-acme", "Acme", "acme.example");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void dealsAreCreatedValidatedFilteredAndUpdated() {
        var http = f.admin;
        assertEquals(400, http.post("/api/deals", "{\"companyId\":\"co-acme\"}").status(), "title is required");
        assertEquals(400, http.post("/api/deals", "{\"title\":\"x\"}").status(), "a customer is required");
        assertEquals(400, http.post("/api/deals", "{\"title\":\"x\",\"companyId\":\"co-acme\",\"stageId\":\"nope\"}").status());
        assertEquals(400, http.post("/api/deals", "{\"title\":\"x\",\"companyId\":\"co-acme\",\"value\":-1}").status());
        assertEquals(400, http.post("/api/deals", "{\"title\":\"x\",\"companyId\":\"co-acme\",\"currency\":\"euro\"}").status());
        assertEquals(400, http.post("/api/deals", "{\"title\": 5, \"companyId\":\"co-acme\"}").status());
        assertEquals(400, http.post("/api/deals", "not json").status());
        var bad = http.post("/api/deals", "{\"title\":\"x\",\"companyId\":\"co-acme\",\"stageId\":\"nope\"}");
        assertEquals("application/problem+json", bad.raw().headers().firstValue("Content-Type").orElse(""));
        assertTrue(bad.json().get("detail").asText().contains("no stage 'nope'"), bad.body());

        var created = http.post("/api/deals", "{\"title\":\"Acme licences\",\"companyId\":\"co-acme\",\"stageId\":\"qualified\",\"value\":4200,\"currency\":\"usd\"}");
        assertEquals(201, created.status(), created.body());
        var id = created.json().get("id").asText();
        assertEquals("qualified", created.json().at("/stage/id").asText());
        assertEquals("USD", created.json().get("currency").asText());
        assertEquals("Acme", created.json().get("companyName").asText());
        assertEquals(f.adminId, created.json().get("ownerId").asText());
        http.post("/api/deals", "{\"title\":\"Other\",\"companyId\":\"co-acme\"}");

        assertEquals(2, http.get("/api/deals").json().get("total").asInt());
        assertEquals(1, http.get("/api/deals?stage=qualified").json().get("total").asInt());
        assertEquals(1, http.get("/api/deals?q=licen").json().get("total").asInt());
        assertEquals(2, http.get("/api/deals?q=acme").json().get("total").asInt(), "q matches the company name too");
        assertEquals(2, http.get("/api/deals?owner=me&company=co-acme&pipeline=default").json().get("total").asInt());
        assertEquals(0, http.get("/api/deals?owner=someone-else").json().get("total").asInt());
        var page = http.get("/api/deals?limit=1&offset=1").json();
        assertEquals(1, page.get("items").size());
        assertEquals(2, page.get("total").asInt());
        assertEquals(400, http.get("/api/deals?limit=1000").status());
        assertEquals(400, http.get("/api/deals?offset=-1").status());

        var patched = http.patch("/api/deals/" + id, "{\"title\":\"Acme licences (40)\",\"value\":5000}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("Acme licences (40)", patched.json().get("title").asText());
        assertEquals(5000, patched.json().get("value").asDouble());
        assertEquals("qualified", patched.json().at("/stage/id").asText());
        assertEquals(400, http.patch("/api/deals/" + id, "{\"stageId\":\"won\"}").status(), "the stage moves through /stage only");
        assertEquals(400, http.patch("/api/deals/" + id, "{\"title\":\"  \"}").status());
    }

    @Test
    void aPersonsStageChangeIsRecordedWithModePerson() {
        var id = f.admin.post("/api/deals", "{\"title\":\"Acme\",\"companyId\":\"co-acme\"}").json().get("id").asText();
        assertEquals(400, f.admin.post("/api/deals/" + id + "/stage", "{\"stage\":\"nowhere\"}").status());
        assertEquals(400, f.admin.post("/api/deals/" + id + "/stage", "{}").status());
        var moved = f.admin.post("/api/deals/" + id + "/stage", "{\"stage\":\"proposal\"}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals("proposal", moved.json().at("/stage/id").asText());
        assertTrue(moved.json().get("stageSetByPerson").asBoolean());

        var deal = f.store().deals().find(id).orElseThrow();
        assertEquals("proposal", deal.stageId());
        assertTrue(deal.stageSetByPerson());
        var last = f.store().deals().changes(id).getLast();
        assertEquals(ChangeMode.PERSON, last.mode());
        assertEquals("prospect", last.fromStage());
        assertEquals("proposal", last.toStage());
        assertEquals(f.adminId, last.byUserId());

        var detail = f.admin.get("/api/deals/" + id).json();
        assertEquals("person", detail.at("/history/1/mode").asText(), detail.toString());
        assertEquals("Proposal made", detail.at("/history/1/toStageName").asText());
    }

    @Test
    void suggestionsAreAcceptedOrDismissedOnce() {
        f.deal("deal-1", "Acme", "co-acme", f.adminId, "contacted", 100);
        var evidence = new Evidence("msg-1", "proposal-sent", "Please find our proposal attached.", 0.8);
        f.store().deals().saveChange(new StageChange("sug-1", "deal-1", "contacted", "proposal", Instant.parse("2025-03-01T00:00:00Z"),
                ChangeMode.SUGGESTED, evidence, null, null));
        f.store().deals().saveChange(new StageChange("sug-2", "deal-1", "contacted", "lost", Instant.parse("2025-03-02T00:00:00Z"),
                ChangeMode.SUGGESTED, evidence, null, null));

        var detail = f.admin.get("/api/deals/deal-1").json();
        assertEquals(2, detail.get("suggestions").size());
        assertEquals("Please find our proposal attached.", detail.at("/suggestions/0/evidence/quote").asText());
        assertEquals(2, detail.at("/deal/pendingSuggestions").asInt());

        var accepted = f.admin.post("/api/deals/deal-1/suggestions/sug-1/accept", "");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("proposal", accepted.json().at("/deal/stage/id").asText());
        assertEquals(StageChange.Status.APPLIED, f.store().deals().changes("deal-1").stream().filter(c -> c.id().equals("sug-1")).findFirst().orElseThrow().status());
        assertEquals(409, f.admin.post("/api/deals/deal-1/suggestions/sug-1/accept", "").status(), "a decision is taken once");

        var dismissed = f.admin.post("/api/deals/deal-1/suggestions/sug-2/dismiss", "");
        assertEquals(200, dismissed.status(), dismissed.body());
        assertEquals("proposal", dismissed.json().at("/deal/stage/id").asText(), "dismissing keeps the stage");
        assertEquals(0, dismissed.json().get("suggestions").size());
        assertEquals(404, f.admin.post("/api/deals/deal-1/suggestions/unknown/dismiss", "").status());
    }

    @Test
    void mergingMovesMessagesAsAPersonsLinkAndRemovesTheEmptiedDeal() {
        var dana = f.contact("ct-dana", "Dana", "dana@acme.example", "co-acme");
        f.mailbox("box", f.adminId, true);
        f.deal("deal-a", "Acme A", "co-acme", f.adminId, "contacted", 0);
        f.deal("deal-b", "Acme B", "co-acme", f.adminId, "qualified", 900);
        f.message("m-a", "box", dana, "deal-a", "A", "first", "", false);
        f.message("m-b", "box", dana, "deal-b", "B", "second", "", false);

        assertEquals(400, f.admin.post("/api/deals/deal-a/merge", "{\"into\":\"deal-a\"}").status());
        var merged = f.admin.post("/api/deals/deal-b/merge", "{\"into\":\"deal-a\"}");
        assertEquals(200, merged.status(), merged.body());
        assertEquals(404, f.admin.get("/api/deals/deal-b").status());
        var moved = f.store().messages().find("m-b").orElseThrow();
        assertEquals("deal-a", moved.dealId());
        assertEquals(LinkSource.PERSON, moved.linkSource());
        assertEquals(900, merged.json().at("/deal/value").asDouble(), "the value of the merged deal is kept when the target had none");
        assertEquals(2, f.admin.get("/api/deals/deal-a/timeline").json().get("total").asInt());
        assertEquals("Dana", merged.json().at("/people/0/name").asText());
    }

    @Test
    void contactsAndCompaniesAreCreatedWithUniqueAddressesAndDomains() {
        var company = f.admin.post("/api/companies", "{\"name\":\"Globex\",\"domains\":[\"mail.globex.co.uk\"]}");
        assertEquals(201, company.status(), company.body());
        assertEquals("globex.co.uk", company.json().at("/company/domains/0").asText(), "domains are kept registrable");
        var companyId = company.json().at("/company/id").asText();
        assertEquals(409, f.admin.post("/api/companies", "{\"name\":\"Globex 2\",\"domains\":[\"globex.co.uk\"]}").status());
        assertEquals(400, f.admin.post("/api/companies", "{\"name\":\"Bad\",\"domains\":[\"not a domain\"]}").status());
        assertEquals(400, f.admin.post("/api/companies", "{\"domains\":[]}").status());

        var contact = f.admin.post("/api/contacts", "{\"name\":\"Gus\",\"emails\":[\"Gus@Globex.co.uk\"],\"companyId\":\"" + companyId + "\"}");
        assertEquals(201, contact.status(), contact.body());
        assertEquals("gus@globex.co.uk", contact.json().at("/contact/emails/0").asText());
        assertEquals("Globex", contact.json().get("companyName").asText());
        assertEquals(409, f.admin.post("/api/contacts", "{\"name\":\"Gus again\",\"emails\":[\"gus@globex.co.uk\"]}").status());
        assertEquals(400, f.admin.post("/api/contacts", "{\"name\":\"X\",\"emails\":[\"nope\"]}").status());
        assertEquals(404, f.admin.post("/api/contacts", "{\"name\":\"X\",\"companyId\":\"co-none\"}").status());

        var id = contact.json().at("/contact/id").asText();
        var moved = f.admin.patch("/api/contacts/" + id, "{\"companyId\":\"co-acme\",\"title\":\"CTO\"}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals("co-acme", moved.json().at("/contact/companyId").asText());
        assertEquals(companyId, moved.json().at("/contact/formerCompanyIds/0").asText(), "the former company is remembered");
        assertEquals("CTO", moved.json().at("/contact/title").asText());

        assertEquals(1, f.admin.get("/api/contacts?q=gus").json().get("total").asInt());
        assertEquals(1, f.admin.get("/api/contacts?company=co-acme").json().get("total").asInt());
        assertEquals(1, f.admin.get("/api/companies?q=globex").json().get("total").asInt());
        var acme = f.admin.get("/api/companies/co-acme").json();
        assertEquals("Gus", acme.at("/contacts/0/name").asText());
    }

    @Test
    void messageBodiesAreSanitizedAndRemoteImagesComeOnlyWhenAsked() {
        var dana = f.contact("ct-dana", "Dana", "dana@acme.example", "co-acme");
        f.mailbox("box", f.adminId, true);
        f.deal("deal-1", "Acme", "co-acme", f.adminId, "contacted", 0);
        f.message("m-1", "box", dana, "deal-1", "<img src=x onerror=alert(1)>", "Hello there",
                "<p onclick=\"alert(1)\">Hello <b>there</b></p><script>alert(2)</script><img src=x onerror=alert(3)>"
                        + "<img src=\"https://tracker.example/p.gif\"><a href=\"javascript:alert(4)\">x</a><a href=\"https://acme.example\">site</a>",
                false);

        var m = f.admin.get("/api/messages/m-1");
        assertEquals(200, m.status(), m.body());
        var html = m.json().get("html").asText();
        assertFalse(html.contains("script"), html);
        assertFalse(html.contains("onclick"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("tracker.example"), html);
        assertTrue(html.contains("<b>there</b>"), html);
        assertTrue(html.contains("href=\"https://acme.example\""), html);
        assertTrue(html.contains("noopener"), html);
        assertEquals(2, m.json().get("blockedImages").asInt(), "the remote image and the unsafe one are left out");
        assertEquals("<img src=x onerror=alert(1)>", m.json().get("subject").asText(), "the subject is data, escaped by whoever shows it");

        var withImages = f.admin.get("/api/messages/m-1?images=1").json();
        assertTrue(withImages.get("html").asText().contains("https://tracker.example/p.gif"), withImages.toString());
        assertFalse(withImages.get("html").asText().contains("onerror"));

        var raw = f.admin.get("/api/messages/m-1/raw");
        assertEquals(200, raw.status());
        assertTrue(raw.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(raw.body().contains("original MIME source is not stored"), raw.body());
        assertTrue(raw.body().contains("Subject: <img src=x onerror=alert(1)>"));
        assertTrue(raw.body().endsWith("Hello there"));

        var erased = f.store().messages().find("m-1").orElseThrow().with(b -> b.erased = true);
        f.store().messages().save(erased);
        assertEquals(404, f.admin.get("/api/messages/m-1/raw").status(), "an erased message has no content to download");
        var meta = f.admin.get("/api/messages/m-1").json();
        assertTrue(meta.get("erased").asBoolean());
        assertEquals("", meta.get("text").asText());
        assertEquals(0, f.admin.get("/api/deals/deal-1/timeline").json().get("total").asInt(), "erased mail leaves the timeline");
    }

    @Test
    void timelinesOfContactAndCompanyFollowTheirDealsNewestFirst() {
        var dana = f.contact("ct-dana", "Dana", "dana@acme.example", "co-acme");
        f.mailbox("box", f.adminId, true);
        f.deal("deal-1", "Acme", "co-acme", f.adminId, "contacted", 0);
        f.message("m-1", "box", dana, "deal-1", "First", "one", "", false);
        var second = f.message("m-2", "box", dana, "deal-1", "Second", "two", "", false);
        f.store().messages().save(second.with(b -> b.mail = new io.dealwire.core.message.MailMessage(second.mail().id(), second.mail().messageId(),
                null, null, "Second", second.mail().from(), second.mail().to(), null, Instant.parse("2025-04-01T00:00:00Z"), "two", "two", "",
                "", null, null, null, null, "h", 3)));

        var contact = f.admin.get("/api/contacts/ct-dana/timeline").json();
        assertEquals(2, contact.get("total").asInt(), contact.toString());
        assertEquals("Second", contact.at("/items/0/subject").asText());
        assertEquals("inbound", contact.at("/items/0/direction").asText());
        var company = f.admin.get("/api/companies/co-acme/timeline?limit=1").json();
        assertEquals(2, company.get("total").asInt());
        assertEquals(1, company.get("items").size());
    }

    @Test
    void pipelinesAreValidatedAndAStageHoldingDealsCannotBeRemoved() {
        var templates = f.admin.get("/api/pipelines/templates").json();
        assertTrue(templates.size() >= 6);
        assertEquals("default", templates.at("/0/id").asText());

        var created = f.admin.post("/api/pipelines", """
                {"id":"enterprise","name":"Enterprise","inferenceMode":"suggest","stages":[
                  {"id":"lead","name":"Lead","kind":"open","probability":0.1,"inactivityDays":10},
                  {"id":"signed","name":"Signed","kind":"won"},
                  {"id":"onboarding","name":"Onboarding","kind":"won"},
                  {"id":"dropped","name":"Dropped","kind":"lost"}]}
                """);
        assertEquals(201, created.status(), created.body());
        assertEquals("suggest", created.json().get("inferenceMode").asText());
        assertEquals("onboarding", created.json().at("/stages/2/id").asText(), "stages after a win are allowed");
        assertEquals(409, f.admin.post("/api/pipelines", "{\"template\":\"inbound\",\"id\":\"enterprise\"}").status());

        assertEquals(400, f.admin.post("/api/pipelines", "{\"id\":\"x\",\"name\":\"X\",\"stages\":[{\"id\":\"a\",\"kind\":\"won\"}]}").status(), "an open stage is needed");
        assertEquals(400, f.admin.post("/api/pipelines", "{\"id\":\"x\",\"name\":\"X\",\"stages\":[{\"id\":\"a\"},{\"id\":\"a\",\"kind\":\"won\"}]}").status());
        assertEquals(400, f.admin.post("/api/pipelines", "{\"id\":\"X Y\",\"name\":\"X\",\"stages\":[{\"id\":\"a\"},{\"id\":\"b\",\"kind\":\"won\"}]}").status());
        assertEquals(400, f.admin.post("/api/pipelines", "{\"id\":\"x\",\"name\":\"X\",\"stages\":[{\"id\":\"a\",\"probability\":2},{\"id\":\"b\",\"kind\":\"won\"}]}").status());
        assertEquals(400, f.admin.post("/api/pipelines", "{\"id\":\"x\",\"name\":\"X\",\"stages\":[{\"id\":\"a\",\"kind\":\"maybe\"},{\"id\":\"b\",\"kind\":\"won\"}]}").status());
        assertEquals(400, f.admin.post("/api/pipelines", "{\"template\":\"nope\"}").status());

        var deal = f.admin.post("/api/deals", "{\"title\":\"Big\",\"companyId\":\"co-acme\",\"pipelineId\":\"enterprise\"}");
        assertEquals("lead", deal.json().at("/stage/id").asText(), deal.body());
        var withoutLead = f.put("/api/pipelines/enterprise", """
                {"name":"Enterprise","stages":[{"id":"qualify"},{"id":"signed","kind":"won"}]}
                """);
        assertEquals(409, withoutLead.status(), withoutLead.body());
        assertTrue(withoutLead.json().get("detail").asText().contains("lead (1 deals)"), withoutLead.body());
        var renamed = f.put("/api/pipelines/enterprise", """
                {"name":"Enterprise sales","stages":[{"id":"lead","name":"New lead"},{"id":"signed","kind":"won"}]}
                """);
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("New lead", f.admin.get("/api/pipelines/enterprise").json().at("/stages/0/name").asText());
        assertEquals(409, f.admin.delete("/api/pipelines/enterprise").status(), "a pipeline holding deals stays");
        assertEquals(409, f.admin.delete("/api/pipelines/default").status());
        assertEquals(404, f.admin.get("/api/pipelines/none").status());
    }

    @Test
    void remindersListTheCallersDealsThatNeedAReplyOrWentQuiet() {
        var dana = f.contact("ct-dana", "Dana", "dana@acme.example", "co-acme");
        f.mailbox("box", f.adminId, true);
        f.deal("deal-1", "Acme", "co-acme", f.adminId, "contacted", 0);
        f.message("m-1", "box", dana, "deal-1", "Question", "Can you call me?", "", false);
        var rita = f.user("Rita", "rep");
        f.deal("deal-2", "Acme too", "co-acme", rita.id(), "contacted", 0);
        f.message("m-2", "box", dana, "deal-2", "Other question", "And this?", "", false);

        var mine = f.admin.get("/api/reminders");
        assertEquals(200, mine.status(), mine.body());
        var kinds = new java.util.HashSet<String>();
        for (var r : mine.json()) {
            assertEquals("deal-1", r.get("dealId").asText(), "only the caller's deals by default: " + mine.body());
            kinds.add(r.get("kind").asText());
            assertEquals("Administrator", r.get("ownerName").asText());
        }
        assertEquals(java.util.Set.of("needs-reply", "inactive"), kinds, mine.body());
        var all = f.admin.get("/api/reminders?owner=all").json();
        assertTrue(all.toString().contains("deal-2"), all.toString());
        var ritas = rita.http().get("/api/reminders").json();
        assertTrue(ritas.toString().contains("deal-2") && !ritas.toString().contains("deal-1"), ritas.toString());
    }
}
