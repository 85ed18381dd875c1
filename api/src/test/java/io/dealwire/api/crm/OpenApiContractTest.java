package io.dealwire.api.crm;

import io.dealwire.api.OpenApiDocument;
import io.dealwire.api.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** The OpenAPI document says what the service does: every endpoint is documented, and real answers match it. */
class OpenApiContractTest {
    @TempDir
    Path dataDir;
    CrmFixture f;
    final OpenApiDocument doc = new OpenApiDocument();
    final List<String> problems = new ArrayList<>();
    final TreeSet<String> exercised = new TreeSet<>();

    @BeforeEach
    void seed() {
        f = new CrmFixture(dataDir);
        f.mailbox("mb", f.adminId, true);
        var acme = f.company("co-acme", "Acme", "acme.example");
        var dana = f.contact("p-dana", "Dana", "dana@acme.example", acme.id());
        f.deal("d-1", "Acme renewal", acme.id(), f.adminId, "qualified", 12000);
        f.message("m1", "mb", dana, "d-1", "Renewal quote", "Could you send the renewal quote?", "<p>Could you <b>send</b> it?</p>", false);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private TestHttp.Reply check(String method, String template, TestHttp.Reply reply) {
        exercised.add(method + " " + template);
        var type = reply.raw().headers().firstValue("Content-Type").orElse(null);
        var body = reply.body().isEmpty() || type == null || !type.contains("json") ? null : reply.json();
        for (var p : doc.check(method, template, reply.status(), type, body)) problems.add(method + " " + template + " (" + reply.status() + "): " + p);
        return reply;
    }

    @Test
    void everyServedEndpointIsDocumentedAndNothingElse() {
        var served = new TreeSet<>(f.app.endpoints());
        var documented = doc.operations();
        var undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        var phantom = new TreeSet<>(documented);
        phantom.removeAll(served);
        assertEquals(new TreeSet<String>(), undocumented, "served but not in openapi.yaml");
        assertEquals(new TreeSet<String>(), phantom, "in openapi.yaml but not served");
    }

    @Test
    void realAnswersMatchTheDocument() {
        var admin = f.admin;
        var rep = f.user("Rita", "rep");
        check("GET", "/api/health", admin.getAnonymous("/api/health"));
        assertEquals(200, admin.getAnonymous("/api/openapi.yaml").status());
        check("GET", "/api/me", admin.get("/api/me"));
        check("GET", "/api/me", admin.getAnonymous("/api/me"));
        check("GET", "/api/users", admin.get("/api/users"));
        check("GET", "/api/users", rep.http().get("/api/users"));
        check("POST", "/api/users", admin.post("/api/users", "{\"name\":\"Max\",\"email\":\"max@northwind.example\",\"role\":\"manager\"}"));
        check("POST", "/api/users", admin.post("/api/users", "{\"name\":\"\"}"));
        var token = check("POST", "/api/users/{id}/tokens", admin.post("/api/users/" + rep.id() + "/tokens", "{\"label\":\"addon\"}"));
        check("GET", "/api/users/{id}/tokens", admin.get("/api/users/" + rep.id() + "/tokens"));
        check("DELETE", "/api/users/{id}/tokens/{tokenId}", admin.delete("/api/users/" + rep.id() + "/tokens/" + token.json().get("id").asText()));
        check("GET", "/api/mailboxes", admin.get("/api/mailboxes"));
        check("GET", "/api/mailboxes/{id}", admin.get("/api/mailboxes/mb"));
        check("GET", "/api/mailboxes/{id}", admin.get("/api/mailboxes/nope"));
        check("POST", "/api/mailboxes", admin.post("/api/mailboxes", "{\"name\":\"x\"}"));
        check("GET", "/api/search", admin.get("/api/search?q=renewal"));
        check("GET", "/api/search", admin.get("/api/search?q=" + TestHttp.q("\"unclosed")));
        check("GET", "/api/context", admin.get("/api/context?email=dana%40acme.example"));
        check("GET", "/api/context", admin.get("/api/context?messageId=m1%40test.example"));
        check("GET", "/api/context", admin.get("/api/context"));
        check("GET", "/api/contacts", admin.get("/api/contacts"));
        check("GET", "/api/contacts/{id}", admin.get("/api/contacts/p-dana"));
        check("GET", "/api/contacts/{id}", rep.http().get("/api/contacts/p-dana"));
        check("GET", "/api/contacts/{id}/timeline", admin.get("/api/contacts/p-dana/timeline"));
        check("GET", "/api/companies", admin.get("/api/companies"));
        check("GET", "/api/companies/{id}", admin.get("/api/companies/co-acme"));
        check("GET", "/api/companies/{id}/timeline", admin.get("/api/companies/co-acme/timeline"));
        check("GET", "/api/deals", admin.get("/api/deals"));
        check("GET", "/api/deals/{id}", admin.get("/api/deals/d-1"));
        check("POST", "/api/deals/{id}/stage", admin.post("/api/deals/d-1/stage", "{\"stage\":\"proposal\"}"));
        check("POST", "/api/deals/{id}/stage", admin.post("/api/deals/d-1/stage", "{\"stage\":\"no-such-stage\"}"));
        check("GET", "/api/deals/{id}/timeline", admin.get("/api/deals/d-1/timeline"));
        check("POST", "/api/deals", admin.post("/api/deals", "{\"title\":\"Acme training\",\"companyId\":\"co-acme\"}"));
        check("GET", "/api/pipelines", admin.get("/api/pipelines"));
        check("GET", "/api/pipelines/templates", admin.get("/api/pipelines/templates"));
        check("GET", "/api/pipelines/{id}", admin.get("/api/pipelines/default"));
        check("GET", "/api/messages/{id}", admin.get("/api/messages/m1"));
        check("GET", "/api/messages/{id}/raw", admin.get("/api/messages/m1/raw"));
        check("GET", "/api/reminders", admin.get("/api/reminders"));
        check("GET", "/api/metrics", admin.get("/api/metrics"));
        check("POST", "/api/conversations/{id}/private", admin.post("/api/conversations/conv-m1/private", "{\"private\":false}"));
        check("POST", "/api/ignores", admin.post("/api/ignores", "{\"domain\":\"newsletter.example\"}"));
        check("GET", "/api/admin/index", admin.get("/api/admin/index"));
        check("GET", "/api/admin/index", rep.http().get("/api/admin/index"));
        check("GET", "/api/session", admin.getAnonymous("/api/session"));
        assertEquals(List.of(), problems);
        assertTrue(exercised.size() >= 30, "the scenario exercises most operations: " + exercised.size());
    }
}
