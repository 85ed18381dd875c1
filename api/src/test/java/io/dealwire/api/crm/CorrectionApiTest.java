package io.dealwire.api.crm;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The correction endpoints the add-on and the web app call, with the visibility rules around them. */
class CorrectionApiTest {
    @TempDir
    Path dataDir;
    CrmFixture f;
    CrmFixture.User rep;
    CrmFixture.User otherRep;

    @BeforeEach
    void seed() {
        f = new CrmFixture(dataDir);
        rep = f.user("Rita", "rep");
        otherRep = f.user("Omar", "rep");
        f.mailbox("mb-rita", rep.id(), false);
        f.mailbox("mb-omar", otherRep.id(), false);
        var acme = f.company("co-acme", "Acme", "acme.example");
        var dana = f.contact("p-dana", "Dana", "dana@acme.example", acme.id());
        f.deal("d-licences", "Acme licences", acme.id(), rep.id(), "qualified", 10000);
        f.deal("d-training", "Acme training", acme.id(), rep.id(), "contacted", 2000);
        f.message("m1", "mb-rita", dana, "d-licences", "Training for our team", "Could you also train our team?", "", false);
        f.message("m2", "mb-omar", dana, "d-licences", "Omar's thread", "Hello Omar", "", false);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aRepRelinksTheirConversationAndTheLinkerKeepsIt() {
        var r = rep.http().post("/api/conversations/conv-m1/link", "{\"dealId\":\"d-training\"}");
        assertEquals(200, r.status(), r.body());
        var m1 = f.store().messages().find("m1").orElseThrow();
        assertEquals("d-training", m1.dealId());
        assertEquals("PERSON", m1.linkSource().name());
    }

    @Test
    void aConversationCanBeMovedToANewDeal() {
        var r = rep.http().post("/api/conversations/conv-m1/link", "{\"newDeal\":{}}");
        assertEquals(200, r.status(), r.body());
        var dealId = r.json().get("dealId").asText();
        assertNotEquals("d-licences", dealId);
        assertTrue(f.store().deals().find(dealId).isPresent());
        assertEquals(dealId, f.store().messages().find("m1").orElseThrow().dealId());
    }

    @Test
    void someoneElsesConversationOrAnUnknownOneIs404AndNothingChanges() {
        assertEquals(404, rep.http().post("/api/conversations/conv-m2/link", "{\"dealId\":\"d-training\"}").status());
        assertEquals(404, rep.http().post("/api/conversations/conv-nope/private", "{\"private\":true}").status());
        assertEquals(404, rep.http().post("/api/messages/m2/split", "").status());
        assertEquals("d-licences", f.store().messages().find("m2").orElseThrow().dealId());
    }

    @Test
    void badBodiesAre400WithAMessage() {
        var both = rep.http().post("/api/conversations/conv-m1/link", "{\"dealId\":\"d-training\",\"newDeal\":{}}");
        assertEquals(400, both.status());
        assertTrue(both.body().contains("either"), both.body());
        assertEquals(400, rep.http().post("/api/conversations/conv-m1/private", "{\"private\":\"yes\"}").status());
        assertEquals(400, rep.http().post("/api/ignores", "{\"email\":\"not-an-address\"}").status());
        assertEquals(400, rep.http().post("/api/ignores", "{}").status());
        assertEquals("application/problem+json", rep.http().post("/api/ignores", "{}").raw().headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void markingPrivateHidesTheConversationFromAManager() {
        var manager = f.user("Maya", "manager");
        assertEquals(200, manager.http().get("/api/messages/m1").status());
        var r = rep.http().post("/api/conversations/conv-m1/private", "{\"private\":true}");
        assertEquals(200, r.status(), r.body());
        assertTrue(f.store().messages().find("m1").orElseThrow().privateConversation());
        assertEquals(404, manager.http().get("/api/messages/m1").status());
        assertEquals(200, rep.http().get("/api/messages/m1").status());
    }

    @Test
    void ignoringASenderTakesTheirMailOutOfTheCrm() {
        var r = rep.http().post("/api/ignores", "{\"email\":\"dana@acme.example\"}");
        assertEquals(201, r.status(), r.body());
        assertTrue(f.store().ignoreRules().list().stream().anyMatch(rule -> rule.value().equals("dana@acme.example")));
    }

    @Test
    void onlyManagersMergeAndOnlyAdminsErase() {
        f.contact("p-dana2", "Dana S.", "d.smith@acme.example", "co-acme");
        assertEquals(403, rep.http().post("/api/contacts/p-dana/merge", "{\"mergedId\":\"p-dana2\"}").status());
        var merged = f.admin.post("/api/contacts/p-dana/merge", "{\"mergedId\":\"p-dana2\"}");
        assertEquals(200, merged.status(), merged.body());
        assertTrue(f.store().contacts().find("p-dana").orElseThrow().emails().contains("d.smith@acme.example"));
        assertTrue(f.store().contacts().find("p-dana2").isEmpty());

        assertEquals(403, rep.http().delete("/api/contacts/p-dana/erase").status());
        var erased = f.admin.delete("/api/contacts/p-dana/erase");
        assertEquals(200, erased.status(), erased.body());
        assertFalse(erased.body().contains("dana@acme.example"), "the audit record holds no personal data");
        assertTrue(f.store().contacts().find("p-dana").isEmpty());
        assertEquals("", f.store().messages().find("m1").orElseThrow().mail().text());
    }
}
