package io.dealwire.reliability.scenario;

import io.dealwire.reliability.audit.StoreAudit;
import io.dealwire.reliability.net.FaultProxy;
import io.dealwire.reliability.report.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A proxy between Dealwire and Dovecot cuts connections in the middle of message literals, then stalls every
 * byte, then refuses connections, each for the configured fault time; ingestion must resume by itself with
 * nothing lost or duplicated.
 */
public final class NetworkFaults implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkFaults.class);
    private static final int CUTS = 5;

    @Override
    public String name() {
        return "network";
    }

    @Override
    public List<Row> run(Harness h) throws Exception {
        var setup = h.setup();
        var server = h.inventory();
        var dir = h.freshDir("network");
        var data = dir.resolve("data");
        var findings = new ArrayList<String>();
        var notes = new ArrayList<String>();
        String id;
        Double recovered;
        try (var proxy = new FaultProxy(setup.imapPort());
             var service = h.service(data, dir.resolve("service.log"), Map.of())) {
            service.start(Duration.ofMinutes(2));
            id = h.addMailbox(service.api(), proxy.port());
            for (int i = 0; i < CUTS; i++) {
                proxy.cutNextLiteral();
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (proxy.mode() == FaultProxy.Mode.CUT_MID_LITERAL && System.nanoTime() < until) Harness.sleep(50);
                Harness.sleep(1000);
            }
            notes.add(proxy.cutsDone() + " connections cut mid-literal (of " + CUTS + " armed)");
            var before = Harness.mailbox(service.api(), id);
            LOG.info("network: stalling for {}", setup.networkFault());
            proxy.stall();
            Harness.sleep(setup.networkFault().toMillis());
            var stalled = Harness.mailbox(service.api(), id);
            notes.add("during the stall the mailbox was " + (stalled == null ? "not readable" : stalled.path("state").asText()
                    + " (last error: " + stalled.path("lastError").asText("none") + ")"));
            LOG.info("network: refusing connections for {}", setup.networkFault());
            proxy.refuse();
            Harness.sleep(setup.networkFault().toMillis());
            var refused = Harness.mailbox(service.api(), id);
            notes.add("while refused the mailbox was " + (refused == null ? "not readable" : refused.path("state").asText()
                    + " (last error: " + refused.path("lastError").asText("none") + ")"));
            if (service.alive() && !service.api().healthy()) findings.add("/api/health did not answer while IMAP was unreachable");
            proxy.pass();
            recovered = h.waitSynced(service.api(), id, Harness.distinctMessageIds(server));
            if (recovered == null) findings.add("ingestion did not resume and finish within " + setup.timeout() + " of the network returning");
            notes.add("messages stored before the stall: " + (before == null ? "?" : before.path("messages").asText())
                    + "; proxy connections accepted in all: " + proxy.connectionsAccepted());
            if (!service.stop(Duration.ofMinutes(2))) findings.add("the service did not stop within 2 minutes of SIGTERM");
        }
        var audit = StoreAudit.audit(null, data, id, server);
        return List.of(Row.of(name() + " (cuts, " + setup.networkFault().toSeconds() + " s stall, "
                + setup.networkFault().toSeconds() + " s refused)", audit, recovered, findings, notes));
    }
}
