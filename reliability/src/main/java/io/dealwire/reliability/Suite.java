package io.dealwire.reliability;

import io.dealwire.reliability.imap.ServerInventory;
import io.dealwire.reliability.report.Row;
import io.dealwire.reliability.report.Table;
import io.dealwire.reliability.scenario.CrashLoop;
import io.dealwire.reliability.scenario.DiskFull;
import io.dealwire.reliability.scenario.Harness;
import io.dealwire.reliability.scenario.IndexLoss;
import io.dealwire.reliability.scenario.Load;
import io.dealwire.reliability.scenario.NetworkFaults;
import io.dealwire.reliability.scenario.Scenario;
import io.dealwire.reliability.scenario.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the fault scenarios against the built service and a loopback Dovecot and prints one table row each.
 * Exits 1 when a scenario fails. {@code reliability/run.sh} builds everything and starts Dovecot first.
 */
public final class Suite {
    private static final Logger LOG = LoggerFactory.getLogger(Suite.class);
    /**
     * About 1,370 messages in 5 folders of 4 accounts; two of them (all_documents, discussion_threads) hold copies of
     * each other, so cross-folder deduplication is exercised. Sized so the whole suite runs in well under an hour on
     * 2 cores; --folders or --full for more.
     */
    static final List<String> DEFAULT_FOLDERS = List.of("badeer-r/all_documents", "badeer-r/discussion_threads",
            "blair-l/inbox", "ward-k/inbox", "zipper-a/inbox");
    static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        for (var s : List.of(new CrashLoop(), new IndexLoss(), new NetworkFaults(), new StoreOutage(), new DiskFull(), new Load()))
            SCENARIOS.put(key(s), s);
    }

    private Suite() {
    }

    private static String key(Scenario s) {
        return switch (s) {
            case CrashLoop c -> "crash";
            case IndexLoss i -> "index";
            case NetworkFaults n -> "network";
            case StoreOutage o -> "store";
            case DiskFull d -> "disk";
            case Load l -> "load";
            default -> s.name();
        };
    }

    public static void main(String[] argv) throws Exception {
        var args = new LinkedHashMap<String, String>();
        for (int i = 0; i < argv.length; i++) {
            var a = argv[i];
            if (!a.startsWith("--")) usage("unexpected argument " + a);
            if (a.equals("--full") || a.equals("--help")) args.put(a.substring(2), "true");
            else if (i + 1 < argv.length) args.put(a.substring(2), argv[++i]);
            else usage(a + " needs a value");
        }
        if (args.containsKey("help")) usage(null);
        int imapPort = Integer.parseInt(args.getOrDefault("imap-port", "10243"));
        List<String> folders = args.containsKey("full")
                ? ServerInventory.listFolders("127.0.0.1", imapPort, Setup.IMAP_USER, Setup.IMAP_PASSWORD)
                : args.containsKey("folders") ? Arrays.asList(args.get("folders").split(",")) : DEFAULT_FOLDERS;
        var setup = new Setup(Path.of(args.getOrDefault("jar", "api/target/dealwire.jar")).toAbsolutePath(),
                Path.of(args.getOrDefault("work", "/var/tmp/dealwire-reliability/work")), imapPort, folders,
                Integer.parseInt(args.getOrDefault("kills", "20")),
                Duration.ofSeconds(Long.parseLong(args.getOrDefault("fault-seconds", "20"))),
                Duration.ofSeconds(Long.parseLong(args.getOrDefault("outage-seconds", "60"))),
                Duration.ofMinutes(Long.parseLong(args.getOrDefault("timeout-minutes", "15"))),
                Long.parseLong(args.getOrDefault("seed", Long.toString(System.currentTimeMillis()))),
                new Setup.Load(Path.of(args.getOrDefault("dovecot", "../shared/tools/dovecot/dovecot.sh")).toAbsolutePath(),
                        Path.of(args.getOrDefault("corpus", "/var/tmp/dealwire-reliability/maildir")),
                        Duration.ofSeconds(Math.round(Double.parseDouble(args.getOrDefault("load-minutes", "10")) * 60)),
                        Integer.parseInt(args.getOrDefault("load-mailboxes", "50")),
                        Integer.parseInt(args.getOrDefault("load-clients", "32")),
                        Double.parseDouble(args.getOrDefault("load-rate", "3")),
                        Integer.parseInt(args.getOrDefault("load-seed", "10"))));
        if (!Files.isRegularFile(setup.serviceJar())) usage("no service jar at " + setup.serviceJar() + ": build it first");
        Files.createDirectories(setup.work());
        var chosen = Arrays.asList(args.getOrDefault("scenarios", String.join(",", SCENARIOS.keySet())).split(","));
        for (var c : chosen) if (!SCENARIOS.containsKey(c)) usage("unknown scenario " + c + "; known: " + SCENARIOS.keySet());

        var harness = new Harness(setup);
        var server = harness.inventory();
        LOG.info("{} messages in {} folders on the IMAP server; seed {}", server.messageCount(), folders.size(), setup.seed());
        var rows = new ArrayList<Row>();
        for (var c : chosen) {
            var scenario = SCENARIOS.get(c);
            LOG.info("scenario {}: starting", scenario.name());
            long t0 = System.nanoTime();
            try {
                rows.addAll(scenario.run(harness));
            } catch (Exception | AssertionError e) {
                LOG.error("scenario {} could not run: {}", scenario.name(), e.toString(), e);
                rows.add(Row.aborted(scenario.name(), "could not run: " + e));
            }
            LOG.info("scenario {}: done in {} s", scenario.name(), (System.nanoTime() - t0) / 1_000_000_000);
            System.out.println(Table.render(rows));
        }
        var table = "Run of " + LocalDate.now() + " (" + server.messageCount() + " messages in " + folders.size()
                + " folders, seed " + setup.seed() + ", faults " + setup.networkFault().toSeconds() + " s, store outage "
                + setup.storeOutage().toSeconds() + " s):\n\n" + Table.render(rows);
        System.out.println("\n" + table);
        if (args.containsKey("out")) Files.writeString(Path.of(args.get("out")), table);
        System.exit(rows.stream().allMatch(Row::passed) ? 0 : 1);
    }

    private static void usage(String problem) {
        if (problem != null) System.err.println("reliability: " + problem);
        System.err.println("""
                usage: java -jar reliability/target/dealwire-reliability.jar [options]
                  --scenarios crash,index,network,store,disk,load   which to run (default: all, in this order)
                  --full                 sync every folder of the corpus instead of the default ~1,370-message subset
                  --folders a,b          sync these folders
                  --kills N              SIGKILLs of the crash loop (20)
                  --fault-seconds N      network stall / refusal and disk-full time (20)
                  --outage-seconds N     store outage time (60)
                  --timeout-minutes N    bound on each wait for a sync (15)
                  --seed N               seed of the kill moments (default: the clock; printed)
                  --imap-port N          loopback Dovecot serving the corpus, login enron/enron (10243)
                  --load-minutes N       load: how long mail arrives and the API clients run (10; decimals allowed)
                  --load-mailboxes N     load: Dovecot accounts syncing at once, on --imap-port + 1 (50)
                  --load-clients N       load: API clients calling /api/context and /api/search (32)
                  --load-rate N          load: IMAP APPENDs per second over all accounts (3)
                  --load-seed N          load: messages in each account before the service starts (10)
                  --dovecot PATH         load: dovecot.sh (../shared/tools/dovecot/dovecot.sh)
                  --corpus DIR           load: the extracted corpus the messages come from (/var/tmp/dealwire-reliability/maildir)
                  --jar PATH             the service jar (api/target/dealwire.jar)
                  --work DIR             scratch dir (/var/tmp/dealwire-reliability/work)
                  --out FILE             also write the table there""");
        System.exit(2);
    }
}
