package io.dealwire.reliability.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.reliability.Setup;
import io.dealwire.reliability.http.Api;
import io.dealwire.reliability.report.Row;
import io.dealwire.reliability.service.ServiceProcess;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Many mailboxes syncing at once while API clients read: {@code mailboxes} Dovecot accounts (a Dovecot of the
 * load's own, on a writable Maildir tree) each hold a few corpus messages when the service starts, then receive
 * corpus messages by IMAP APPEND at a steady rate, while {@code clients} clients call {@code /api/context} and
 * {@code /api/search} for the load's duration. Reports messages stored per second, requests per second, p50/p99
 * and errors per endpoint, and the service's heap (live, after a full GC) and RSS at minute 2 and at the end.
 *
 * <p>Passes when no API call answered 5xx or not at all, every appended message is stored and indexed within
 * the sync timeout after the appends stop, and memory stayed flat (live heap and RSS at the end within 1.5 times,
 * plus 64 MB, of minute 2).
 */
public final class Load implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(Load.class);
    /** A client's pause between two calls: 32 clients without one would only measure the queue in front of 2 cores. */
    private static final long THINK_MILLIS = 100;
    private static final Duration MEMORY_AT = Duration.ofMinutes(2);
    private static final List<String> WORDS = List.of("gas", "contract", "meeting", "price", "power", "schedule", "report",
            "deal", "california", "agreement", "transport", "forward");

    @Override
    public String name() {
        return "load";
    }

    @Override
    public List<Row> run(Harness h) throws Exception {
        var setup = h.setup();
        var load = setup.load();
        var dir = h.freshDir("load");
        int imapPort = setup.imapPort() + 1;
        var pool = corpusMessages(load.corpus(), load.mailboxes() * load.seedPerMailbox()
                + (int) Math.ceil(load.appendsPerSecond() * load.duration().toSeconds()) + load.mailboxes());
        var maildir = dir.resolve("maildir");
        var accounts = new ArrayList<String>();
        int next = 0;
        for (int i = 1; i <= load.mailboxes(); i++) {
            var account = String.format(Locale.ROOT, "load-%02d", i);
            accounts.add(account);
            var inbox = maildir.resolve(account).resolve("inbox");
            for (var sub : List.of("cur", "new", "tmp")) Files.createDirectories(inbox.resolve(sub));
            for (int k = 0; k < load.seedPerMailbox(); k++, next++) {
                Files.write(inbox.resolve("cur").resolve("seed-" + k + "." + account + ":2,S"), pool.get(next).raw());
            }
        }
        var dovecotRun = dir.resolve("dovecot-run");
        var env = Map.of("RUN", dovecotRun.toString());
        if (exec(env, load.dovecotScript().toString(), "start", maildir.toString(), Integer.toString(imapPort)) != 0)
            return List.of(Row.aborted(name(), "could not start Dovecot with " + load.dovecotScript()));
        // APPEND writes as Dovecot's mail user
        exec(Map.of(), "chown", "-R", "corpusmail:corpusmail", maildir.toString());
        var findings = new ArrayList<String>();
        var notes = new ArrayList<String>();
        long expected = (long) load.mailboxes() * load.seedPerMailbox();
        long stored = -1;
        long indexed = -1;
        Double drained = null;
        try (var service = h.service(dir.resolve("data"), dir.resolve("service.log"), Map.of())) {
            service.start(Duration.ofMinutes(2));
            var api = service.api();
            var ids = new ArrayList<String>();
            for (var account : accounts) ids.add(addMailbox(api, account, imapPort));
            LOG.info("load: {} mailboxes added; {} clients and {} appends/s for {}", ids.size(), load.clients(),
                    load.appendsPerSecond(), load.duration());

            var appended = new CopyOnWriteArrayList<CorpusMessage>(pool.subList(0, next));
            var clients = new Clients(api, appended, load.clients());
            var appender = new Appender(imapPort, accounts, pool.subList(next, pool.size()), load.appendsPerSecond(), appended);
            long t0 = System.nanoTime();
            long storedAtStart = storedMessages(api, ids);
            Memory atMinute2 = null;
            while (System.nanoTime() - t0 < load.duration().toNanos()) {
                Harness.sleep(1000);
                if (atMinute2 == null && System.nanoTime() - t0 >= MEMORY_AT.toNanos()) atMinute2 = Memory.of(service);
                if (!service.alive()) break;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            appender.close();
            clients.close();
            long storedAtEnd = storedMessages(api, ids);
            var atEnd = Memory.of(service);
            if (atMinute2 == null) atMinute2 = atEnd;
            if (!service.alive()) findings.add("the service died under load");
            if (appender.failures.get() > 0) notes.add(appender.failures.get() + " APPENDs failed (Dovecot side): " + appender.lastFailure);

            expected += appender.done.get();
            notes.add(String.format(Locale.ROOT, "load average at the end %s; %d mailboxes, %d clients (%d ms pause between calls), %.1f min",
                    loadAverage(), load.mailboxes(), load.clients(), THINK_MILLIS, seconds / 60));
            notes.add(String.format(Locale.ROOT, "mail: %d appended (%.2f/s), %d stored during the load (%.2f messages stored/s)",
                    appender.done.get(), appender.done.get() / seconds, storedAtEnd - storedAtStart, (storedAtEnd - storedAtStart) / seconds));
            for (var e : clients.figures(seconds).entrySet()) notes.add(e.getKey() + ": " + e.getValue().describe());
            notes.add("memory at minute " + Math.round(Math.min(MEMORY_AT.toSeconds(), seconds) / 60.0) + ": " + atMinute2
                    + "; at the end: " + atEnd);
            for (var e : clients.figures(seconds).entrySet()) {
                if (e.getValue().errors() > 0) findings.add(e.getKey() + ": " + e.getValue().errors() + " errors (5xx or no answer)");
            }
            if (atEnd.liveHeapMb() > atMinute2.liveHeapMb() * 1.5 + 64 || atEnd.rssMb() > atMinute2.rssMb() * 1.5 + 64)
                findings.add("memory grew: " + atMinute2 + " at minute 2, " + atEnd + " at the end");

            // every appended message stored and indexed once the mail stops
            long d0 = System.nanoTime();
            long deadline = d0 + setup.timeout().toNanos();
            while (System.nanoTime() < deadline) {
                stored = storedMessages(api, ids);
                var health = Harness.health(api);
                indexed = health == null ? -1 : health.path("index").path("documents").asLong(-1);
                if (stored >= expected && indexed >= expected) {
                    drained = (System.nanoTime() - d0) / 1e9;
                    break;
                }
                Harness.sleep(2000);
            }
            if (drained == null) findings.add("after the load, " + stored + " of " + expected + " messages stored and "
                    + indexed + " indexed within " + setup.timeout());
            if (!service.stop(Duration.ofMinutes(2))) findings.add("the service did not stop within 2 minutes of SIGTERM");
        } finally {
            exec(env, load.dovecotScript().toString(), "stop", "-", Integer.toString(imapPort));
        }
        return List.of(new Row(name() + " (" + load.mailboxes() + " mailboxes, " + load.clients() + " clients, "
                + Math.round(load.duration().toSeconds() / 60.0) + " min)", expected, stored, 0, Math.max(0, expected - stored),
                indexed == stored ? "yes" : "NO", drained, findings.isEmpty(), findings, notes));
    }

    private static String addMailbox(Api api, String account, int imapPort) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", account);
        body.put("host", "127.0.0.1");
        body.put("port", imapPort);
        body.put("security", "none");
        body.put("username", account);
        body.put("password", account);
        body.put("folders", List.of("INBOX"));
        var reply = api.post("/api/mailboxes", body, Duration.ofSeconds(30));
        if (reply.status() != 201 && reply.status() != 200)
            throw new IllegalStateException("POST /api/mailboxes answered " + reply.status() + ": " + reply.body());
        return reply.body().path("id").asText();
    }

    /** Messages stored over the mailboxes (each load message is in one mailbox only), as the API counts them. */
    private static long storedMessages(Api api, List<String> ids) {
        long sum = 0;
        for (var id : ids) {
            JsonNode m = Harness.mailbox(api, id);
            if (m != null) sum += m.path("messages").asLong();
        }
        return sum;
    }

    /** A corpus message to append, with what the clients ask about it. */
    record CorpusMessage(byte[] raw, String messageId, String from) {
    }

    /**
     * The first {@code n} corpus messages that have a sender and a Message-ID no earlier one has: the corpus holds
     * copies of a message in several folders, which the service would store once, so each is used once.
     */
    private static List<CorpusMessage> corpusMessages(Path corpus, int n) throws IOException {
        var out = new ArrayList<CorpusMessage>(n);
        var seen = new java.util.HashSet<String>();
        var session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.walk(corpus)) {
            var it = files.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().equals("cur")
                    || p.getParent().getFileName().toString().equals("new")).iterator();
            while (it.hasNext() && out.size() < n) {
                var raw = Files.readAllBytes(it.next());
                try {
                    var m = new MimeMessage(session, new ByteArrayInputStream(raw));
                    var from = m.getFrom();
                    if (m.getMessageID() == null || from == null || from.length == 0 || !(from[0] instanceof InternetAddress a)) continue;
                    if (!seen.add(m.getMessageID())) continue;
                    out.add(new CorpusMessage(raw, m.getMessageID(), a.getAddress()));
                } catch (MessagingException e) {
                    // an unparseable corpus file is simply not used
                }
            }
        }
        if (out.size() < n) throw new IllegalStateException("the corpus in " + corpus + " has only " + out.size() + " usable messages, " + n + " needed");
        return out;
    }

    /** Appends corpus messages round-robin over the accounts at a steady rate, one IMAP connection per account. */
    private static final class Appender implements AutoCloseable {
        final AtomicLong done = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile String lastFailure;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Appender(int port, List<String> accounts, List<CorpusMessage> messages, double perSecond, List<CorpusMessage> appended) {
            thread = Thread.ofVirtual().name("load-appender").start(() -> {
                var session = Session.getInstance(new Properties());
                var stores = new LinkedHashMap<String, Store>();
                long interval = Math.round(1e9 / perSecond);
                long due = System.nanoTime();
                try {
                    for (int i = 0; running.get() && i < messages.size(); i++) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) Harness.sleep(wait / 1_000_000);
                        due += interval;
                        var account = accounts.get(i % accounts.size());
                        var m = messages.get(i);
                        try {
                            var store = stores.get(account);
                            if (store == null || !store.isConnected()) {
                                store = session.getStore("imap");
                                store.connect("127.0.0.1", port, account, account);
                                stores.put(account, store);
                            }
                            Folder inbox = store.getFolder("INBOX");
                            inbox.appendMessages(new Message[]{new MimeMessage(session, new ByteArrayInputStream(m.raw()))});
                            appended.add(m);
                            done.incrementAndGet();
                        } catch (MessagingException e) {
                            failures.incrementAndGet();
                            lastFailure = e.toString();
                        }
                    }
                } finally {
                    for (var s : stores.values()) {
                        try {
                            s.close();
                        } catch (MessagingException e) {
                            LOG.debug("closing an IMAP connection: {}", e.toString());
                        }
                    }
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(60));
        }
    }

    /** The API clients: each alternates a context lookup (by sender or Message-ID of a delivered message) and a search. */
    private static final class Clients implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

        Clients(Api api, List<CorpusMessage> delivered, int clients) {
            for (int c = 0; c < clients; c++) {
                int seed = c;
                threads.add(Thread.ofVirtual().name("load-client-" + c).start(() -> {
                    var random = new java.util.Random(seed);
                    for (long i = seed; running.get(); i++) {
                        var m = delivered.get(random.nextInt(delivered.size()));
                        String endpoint;
                        String path;
                        if (i % 2 == 0) {
                            endpoint = "/api/context";
                            path = random.nextBoolean() ? "/api/context?email=" + Api.encode(m.from())
                                    : "/api/context?messageId=" + Api.encode(m.messageId());
                        } else {
                            endpoint = "/api/search";
                            var word = WORDS.get(random.nextInt(WORDS.size()));
                            path = "/api/search?q=" + Api.encode(random.nextInt(4) == 0 ? word + " from:" + m.from() : word);
                        }
                        long t0 = System.nanoTime();
                        String status;
                        try {
                            status = Integer.toString(api.get(path, Duration.ofSeconds(30)).status());
                        } catch (IOException e) {
                            status = "no answer";
                        }
                        endpoints.computeIfAbsent(endpoint, k -> new Endpoint()).record(status, System.nanoTime() - t0);
                        Harness.sleep(THINK_MILLIS);
                    }
                }));
            }
        }

        Map<String, Endpoint.Figures> figures(double seconds) {
            var out = new java.util.TreeMap<String, Endpoint.Figures>();
            endpoints.forEach((k, v) -> out.put(k, v.figures(seconds)));
            return out;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (var t : threads) t.join(Duration.ofSeconds(60));
        }
    }

    /** Latencies and statuses of one endpoint. */
    private static final class Endpoint {
        private long[] nanos = new long[1024];
        private int n;
        private final Map<String, Long> statuses = new java.util.TreeMap<>();

        synchronized void record(String status, long elapsedNanos) {
            if (n == nanos.length) nanos = java.util.Arrays.copyOf(nanos, n * 2);
            nanos[n++] = elapsedNanos;
            statuses.merge(status, 1L, Long::sum);
        }

        record Figures(long requests, double perSecond, double p50Millis, double p99Millis, long errors, Map<String, Long> statuses) {
            String describe() {
                return String.format(Locale.ROOT, "%d requests (%.1f/s), p50 %.0f ms, p99 %.0f ms, %d errors; statuses %s",
                        requests, perSecond, p50Millis, p99Millis, errors, statuses);
            }
        }

        synchronized Figures figures(double seconds) {
            var sorted = java.util.Arrays.copyOf(nanos, n);
            java.util.Arrays.sort(sorted);
            long errors = statuses.entrySet().stream().filter(e -> e.getKey().startsWith("5") || e.getKey().equals("no answer"))
                    .mapToLong(Map.Entry::getValue).sum();
            return new Figures(n, n / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), errors, Map.copyOf(statuses));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) return 0;
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    /** The service's live heap (used after a full GC, from {@code jcmd}) and resident set size. */
    record Memory(long liveHeapMb, long rssMb) {
        static Memory of(ServiceProcess service) {
            long pid = service.pid();
            var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            long heap = -1;
            try {
                exec(Map.of(), jcmd, Long.toString(pid), "GC.run");
                var p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
                var text = new String(p.getInputStream().readAllBytes());
                p.waitFor();
                // "garbage-first heap   total reserved 1048576K, committed 262144K, used 81234K"
                var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
                if (m.find()) heap = Long.parseLong(m.group(1)) / 1024;
            } catch (IOException | InterruptedException e) {
                LOG.warn("load: cannot read the heap of {}: {}", pid, e.toString());
            }
            long rss = -1;
            try {
                for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            } catch (IOException e) {
                LOG.warn("load: cannot read the RSS of {}: {}", pid, e.toString());
            }
            return new Memory(heap, rss);
        }

        @Override
        public String toString() {
            return "heap " + liveHeapMb + " MB live (after a full GC), RSS " + rssMb + " MB";
        }
    }

    private static String loadAverage() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int exec(Map<String, String> env, String... command) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(env);
        return pb.start().waitFor();
    }
}
