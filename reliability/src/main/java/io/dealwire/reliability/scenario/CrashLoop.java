package io.dealwire.reliability.scenario;

import io.dealwire.reliability.audit.StoreAudit;
import io.dealwire.reliability.report.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * SIGKILL the service at random moments of an ingestion and restart it each time; afterwards every server
 * message is stored once, the index holds what the store holds and the mailbox is idle. Leaves its data dir
 * (a fully synced store) for {@link IndexLoss}.
 */
public final class CrashLoop implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(CrashLoop.class);
    public static final String DIR = "crash-loop";

    @Override
    public String name() {
        return "crash loop";
    }

    @Override
    public List<Row> run(Harness h) throws Exception {
        var setup = h.setup();
        var server = h.inventory();
        var dir = h.freshDir(DIR);
        var data = dir.resolve("data");
        var random = new Random(setup.seed());
        var notes = new ArrayList<String>();
        var findings = new ArrayList<String>();
        String id;
        Double recovered;
        try (var service = h.service(data, dir.resolve("service.log"), Map.of())) {
            service.start(Duration.ofMinutes(2));
            id = h.addMailbox(service.api(), setup.imapPort());
            long maxRestartMs = 0;
            var killedAt = new ArrayList<Long>();
            for (int k = 0; k < setup.kills(); k++) {
                // Random moments: mostly early (where the backfill is), some later; the seed replays a run.
                long waitMs = 300 + (long) (random.nextDouble() * random.nextDouble() * 6000);
                Harness.sleep(waitMs);
                var mb = Harness.mailbox(service.api(), id);
                killedAt.add(mb == null ? -1 : mb.path("messages").asLong(-1));
                service.kill();
                var took = service.start(Duration.ofMinutes(2));
                maxRestartMs = Math.max(maxRestartMs, took.toMillis());
            }
            LOG.info("crash loop: {} kills done at stored-message counts {}", setup.kills(), killedAt);
            notes.add(setup.kills() + " SIGKILLs (seed " + setup.seed() + ") with these many messages stored: " + killedAt);
            notes.add("slowest restart to /api/health: " + maxRestartMs + " ms");
            recovered = h.waitSynced(service.api(), id, Harness.distinctMessageIds(server));
            if (recovered == null) findings.add("the sync did not finish within " + setup.timeout() + " after the last restart");
            var health = Harness.health(service.api());
            if (health != null) notes.add("health after the loop: index " + health.path("index"));
            if (!service.stop(Duration.ofMinutes(2))) findings.add("the service did not stop within 2 minutes of SIGTERM");
        }
        var audit = StoreAudit.audit(null, data, id, server);
        return List.of(Row.of(name() + " (" + setup.kills() + " kills)", audit, recovered, findings, notes));
    }
}
