package io.dealwire.api.webui;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.dealwire.api.TestHttp;
import io.dealwire.api.TestImapSetups;
import io.dealwire.api.app.Dealwire;
import io.dealwire.api.config.Config;
import io.dealwire.api.http.Json;

import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A running Dealwire with seeded data for the browser tests: an IMAP server (GreenMail) holding a sales
 * mailbox already synced and a support mailbox left for the test to add, users with passwords, companies
 * and deals. Prints one line {@code DEALWIRE_READY {json}} and runs until its standard input closes.
 */
public final class WebUiServer {
    public static final String TOKEN = "webui-admin-token-0123456789";
    /** Only catches a hang: run-tests.mjs waits 180 s for the server. */
    private static final Duration SEEDING = Duration.ofSeconds(150);
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String REP_PASSWORD = "rep-password-12";
    public static final String XSS_SUBJECT = "Pricing <img src=x onerror=alert(1)> question";

    private WebUiServer() {
    }

    public static void main(String[] args) throws Exception {
        var dataDir = Files.createTempDirectory("dealwire-webui");
        var greenMail = new GreenMail(TestImapSetups.imap());
        greenMail.start();
        var sales = greenMail.setUser("sales@northwind.example", "sales", "sales-pass-123");
        greenMail.setUser("support@northwind.example", "support", "support-pass-123");
        for (var raw : SeedMail.sales()) sales.deliver(GreenMailUtil.newMimeMessage(raw));
        var support = greenMail.getUserManager().getUserByEmail("support@northwind.example");
        for (var raw : SeedMail.support()) support.deliver(GreenMailUtil.newMimeMessage(raw));

        var app = Dealwire.start(new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of("northwind.example"), 1));
        try {
            var http = new TestHttp(app.port(), TOKEN);
            var seeded = seed(http, greenMail.getImap().getPort());
            seeded.put("port", app.port());
            seeded.put("token", TOKEN);
            seeded.put("imapPort", greenMail.getImap().getPort());
            System.out.println("DEALWIRE_READY " + Json.write(seeded));
            System.out.flush();
            // Run until the test runner closes our standard input (or dies).
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        } finally {
            app.close();
            greenMail.stop();
        }
    }

    static LinkedHashMap<String, Object> seed(TestHttp http, int imapPort) throws InterruptedException {
        var me = ok(http.get("/api/me"), 200);
        var adminId = me.json().get("id").asText();
        ok(http.post("/api/users/" + adminId + "/password", "{\"password\":\"" + ADMIN_PASSWORD + "\"}"), 204);
        var rep = ok(http.post("/api/users", "{\"name\":\"Rita Rep\",\"email\":\"rita@northwind.example\",\"role\":\"rep\"}"), 201);
        ok(http.post("/api/users/" + rep.json().get("id").asText() + "/password", "{\"password\":\"" + REP_PASSWORD + "\"}"), 204);

        var mailboxId = ok(http.post("/api/mailboxes", """
                {"name": "Sales", "host": "127.0.0.1", "port": %d, "security": "none", "username": "sales",
                 "password": "sales-pass-123", "folders": ["INBOX"], "shared": true}
                """.formatted(imapPort)), 201).json().get("id").asText();
        // every seeded message stored and searchable before the browser looks: the tests expect all of them
        int messages = SeedMail.sales().size();
        TestHttp.await(SEEDING, () -> http.get("/api/mailboxes/" + mailboxId), r -> r.json().path("state").asText().equals("idle")
                && r.json().path("messages").asLong() == messages);
        TestHttp.await(SEEDING, () -> http.get("/api/admin/index"), r -> r.json().path("documents").asLong() == messages);
        TestHttp.await(SEEDING, () -> http.get("/api/search?q=licences"), r -> r.json().path("total").asLong() >= 1);
        TestHttp.await(SEEDING, () -> http.get("/api/search?q=devis"), r -> r.json().path("total").asLong() >= 1);

        var globex = ok(http.post("/api/companies", "{\"name\":\"Globex\",\"domains\":[\"globex.example\"]}"), 201)
                .json().at("/company/id").asText();
        var initech = ok(http.post("/api/companies", "{\"name\":\"Initech\",\"domains\":[\"initech.example\"]}"), 201)
                .json().at("/company/id").asText();
        var seededDeals = List.of(
                deal(http, "Globex – CRM rollout", globex, "qualified", 48000),
                deal(http, "Initech – Support renewal", initech, "proposal", 12500),
                deal(http, "Globex – Training days", globex, "contacted", 6000));
        var out = new LinkedHashMap<String, Object>();
        out.put("adminEmail", "admin@localhost");
        out.put("adminPassword", ADMIN_PASSWORD);
        out.put("repEmail", "rita@northwind.example");
        out.put("repPassword", REP_PASSWORD);
        out.put("deals", seededDeals);
        out.put("xssSubject", XSS_SUBJECT);
        out.put("support", new LinkedHashMap<>(java.util.Map.of("username", "support", "password", "support-pass-123", "messages", SeedMail.support().size())));
        return out;
    }

    private static LinkedHashMap<String, Object> deal(TestHttp http, String title, String companyId, String stage, double value) {
        var r = ok(http.post("/api/deals", """
                {"title": "%s", "companyId": "%s", "stageId": "%s", "value": %s, "currency": "EUR"}
                """.formatted(title, companyId, stage, value)), 201);
        var m = new LinkedHashMap<String, Object>();
        m.put("id", r.json().get("id").asText());
        m.put("title", title);
        m.put("stage", stage);
        return m;
    }

    private static TestHttp.Reply ok(TestHttp.Reply r, int status) {
        if (r.status() != status) throw new IllegalStateException("seeding failed: " + r.status() + " " + r.body());
        return r;
    }

}
