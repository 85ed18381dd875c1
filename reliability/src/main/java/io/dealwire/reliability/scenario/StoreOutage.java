package io.dealwire.reliability.scenario;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.dealwire.reliability.audit.StoreAudit;
import io.dealwire.reliability.http.Api;
import io.dealwire.reliability.net.FaultProxy;
import io.dealwire.reliability.report.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service runs against a MongoDB endpoint (mongo-java-server in this JVM) reached through a proxy; under
 * ingestion and API load the proxy drops every connection and refuses new ones for the outage time. The API
 * must answer 503 with Retry-After in bounded time, and once the store is back ingestion finishes with nothing
 * lost.
 */
public final class StoreOutage implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(StoreOutage.class);

    @Override
    public String name() {
        return "store outage";
    }

    @Override
    public List<Row> run(Harness h) throws Exception {
        var setup = h.setup();
        var server = h.inventory();
        var dir = h.freshDir("store-outage");
        var data = dir.resolve("data");
        var findings = new ArrayList<String>();
        var notes = new ArrayList<String>();
        var mongo = new MongoServer(new MemoryBackend());
        int mongoPort = Harness.freePort();
        mongo.bind("127.0.0.1", mongoPort);
        String id;
        Double recovered;
        try (var proxy = new FaultProxy(mongoPort);
             var service = h.service(data, dir.resolve("service.log"),
                     Map.of("DEALWIRE_MONGO_URI", "mongodb://127.0.0.1:" + proxy.port() + "/dealwire"))) {
            service.start(Duration.ofMinutes(2));
            id = h.addMailbox(service.api(), setup.imapPort());
            var paths = List.of("/api/search?q=" + Api.encode("gas contract"), "/api/mailboxes/" + id,
                    "/api/context?email=" + Api.encode("david.delainey@enron.com"), "/api/search?q=" + Api.encode("from:enron.com"));
            try (var load = new ApiLoad(service.api(), paths, 8)) {
                Harness.sleep(4000);
                var before = Harness.mailbox(service.api(), id);
                load.phase("during");
                LOG.info("store outage: cutting MongoDB off for {}", setup.storeOutage());
                proxy.refuse();
                Harness.sleep(setup.storeOutage().toMillis());
                load.phase("after");
                proxy.pass();
                long t0 = System.nanoTime();
                recovered = h.waitSynced(service.api(), id, Harness.distinctMessageIds(server));
                if (recovered == null) findings.add("ingestion did not finish within " + setup.timeout() + " of the store returning");
                else recovered = (System.nanoTime() - t0) / 1e9;
                load.close();
                notes.add("messages stored when the store was cut off: " + (before == null ? "?" : before.path("messages").asText()));
                for (var p : List.of("before", "during", "after")) {
                    var f = load.figures(p);
                    notes.add("API " + p + " the outage: " + f.requests() + " requests, statuses " + f.statuses()
                            + ", slowest " + f.maxMillis() + " ms");
                    if (f.hangs() > 0) findings.add(f.hangs() + " API calls " + p + " the outage took over " + ApiLoad.HANG.toSeconds() + " s");
                    if (f.unavailableWithoutRetryAfter() > 0)
                        findings.add(f.unavailableWithoutRetryAfter() + " 503 answers " + p + " the outage had no Retry-After");
                    f.statuses().forEach((status, n) -> {
                        if (status.startsWith("5") && !status.equals("503")) findings.add(n + " answers " + p + " the outage were " + status);
                        if (status.startsWith("no answer")) findings.add(n + " calls " + p + " the outage got " + status);
                    });
                }
                if (load.figures("during").statuses().getOrDefault("503", 0L) == 0)
                    findings.add("no API call answered 503 while the store was away");
            }
            if (!service.stop(Duration.ofMinutes(2))) findings.add("the service did not stop within 2 minutes of SIGTERM");
            var audit = StoreAudit.audit("mongodb://127.0.0.1:" + mongoPort + "/dealwire", data, id, server);
            return List.of(Row.of(name() + " (" + setup.storeOutage().toSeconds() + " s)", audit, recovered, findings, notes));
        } finally {
            mongo.shutdownNow();
        }
    }
}
