package io.dealwire.bench.intake;

import io.dealwire.bench.cli.Args;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.intake.CrmSettings;
import io.dealwire.core.intake.Intake;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.InMemoryStore;
import io.dealwire.core.store.Store;
import io.dealwire.ingest.mime.MimeParser;
import io.dealwire.store.StoreFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many stored messages the intake reads per message it accepts, and what a message costs, slice by slice
 * as the store fills: a figure that grows from slice to slice is a read whose size grows with the history.
 * Messages are taken in folder order (as a backfill sees them) or, with {@code --order company}, the mail of
 * the most frequent outside domains first, company after company, so that one customer's history gets long.
 *
 * With {@code --amplify N}, only the largest outside domain's mail is read, N times over, each copy moved after
 * the previous one in time (new ids and Message-IDs, threads kept within a copy): one account whose history
 * grows N-fold, the case where a read of a whole deal or company per message shows.
 *
 * <p>Options: {@code --maildir DIR --messages N --batch N --slices N --order folder|company --amplify N
 * --store embedded|memory}.
 */
public final class IntakeReads {
    private static final OwnDomains OURS = new OwnDomains(Set.of("enron.com"));

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv);
        var maildir = args.path("maildir");
        int limit = args.integer("messages", 10_000);
        int batch = args.integer("batch", 500);
        int slices = args.integer("slices", 10);
        var order = args.get("order", "folder");
        var storeKind = args.get("store", "embedded");

        List<Path> files;
        try (var walk = Files.walk(maildir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().equals("cur"))
                    .sorted().limit(limit).toList();
        }
        var parser = new MimeParser();
        var mails = new ArrayList<MailMessage>(files.size());
        for (var f : files) mails.add(parser.parse(Files.readAllBytes(f)));
        if (order.equals("company")) mails = byCompany(mails);
        else if (!order.equals("folder")) throw new IllegalArgumentException("--order is folder or company, not " + order);
        int amplify = args.integer("amplify", 1);
        if (amplify > 1) mails = longRunningAccount(mails, amplify);

        Path work = Files.createTempDirectory("dealwire-intake-reads");
        Store base = storeKind.equals("memory") ? new InMemoryStore() : StoreFactory.openEmbedded(work.resolve("store"));
        var counter = new ReadCounter();
        try (var store = counter.counting(base)) {
            store.pipelines().save(PipelineTemplates.defaultPipeline());
            store.mailboxes().save(new Mailbox("bench", "bench", "127.0.0.1", 143, Security.NONE, "bench", "", List.of(),
                    null, "owner-1", false, true, null, null, null, null, Instant.now()));
            store.commit();
            var intake = MessageIntake.withStageRules(store, CrmSettings.of(OURS), Clock.systemUTC(), IdGenerator.random());

            System.out.printf("Intake reads: %d messages in %s order, batches of %d, %s store%n", mails.size(), order, batch, storeKind);
            System.out.printf("  %-13s %10s %10s %10s %10s   %s%n", "messages", "wall µs", "thread µs", "process µs", "read/msg",
                    "read/msg by lookup (µs: per message; thread: the intake's own CPU, process: every thread's)");
            int sliceSize = Math.max(batch, (mails.size() + slices - 1) / slices / batch * batch);
            var threads = ManagementFactory.getThreadMXBean();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long uid = 0, allNanos = 0, allCpu = 0, allProc = 0, allRead = 0;
            for (int sliceFrom = 0; sliceFrom < mails.size(); sliceFrom += sliceSize) {
                int sliceTo = Math.min(mails.size(), sliceFrom + sliceSize);
                counter.reset();
                long t0 = System.nanoTime(), cpu0 = threads.getCurrentThreadCpuTime(), proc0 = os.getProcessCpuTime();
                for (int from = sliceFrom; from < sliceTo; from += batch) {
                    var incoming = new ArrayList<Intake.Incoming>();
                    for (var mail : mails.subList(from, Math.min(sliceTo, from + batch))) {
                        incoming.add(new Intake.Incoming(mail, new MessageLocation("bench", "INBOX", 1, ++uid, false)));
                    }
                    intake.acceptAll(incoming);
                    store.commit();
                }
                long nanos = System.nanoTime() - t0;
                long cpu = threads.getCurrentThreadCpuTime() - cpu0, proc = os.getProcessCpuTime() - proc0;
                int n = sliceTo - sliceFrom;
                allNanos += nanos;
                allCpu += cpu;
                allProc += proc;
                allRead += counter.total();
                var byLookup = new StringBuilder();
                counter.counts().forEach((k, v) -> byLookup.append(String.format("%s %.1f  ", k, (double) v / n)));
                System.out.printf("  %6d-%-6d %10.1f %10.1f %10.1f %10.1f   %s%n", sliceFrom + 1, sliceTo, nanos / 1e3 / n, cpu / 1e3 / n,
                        proc / 1e3 / n, (double) counter.total() / n, byLookup);
            }
            int n = mails.size();
            System.out.printf("  all           %10.1f %10.1f %10.1f %10.1f%n", allNanos / 1e3 / n, allCpu / 1e3 / n, allProc / 1e3 / n,
                    (double) allRead / n);
            System.out.printf("  stored %d messages, %d deals, %d contacts, %d companies; largest deal %d messages%n",
                    store.messages().count(), store.deals().count(), store.contacts().count(), store.companies().count(),
                    largestDeal(store));
        } finally {
            try (var paths = Files.walk(work)) {
                for (var p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** The mail of the most frequent outside domain first (in date order), then the next domain's, and so on. */
    private static ArrayList<MailMessage> byCompany(List<MailMessage> mails) {
        var domainOf = new HashMap<MailMessage, String>();
        var count = new HashMap<String, Integer>();
        for (var m : mails) {
            var domain = domainOf(m);
            domainOf.put(m, domain);
            count.merge(domain, 1, Integer::sum);
        }
        var out = new ArrayList<>(mails);
        out.sort(Comparator.comparing((MailMessage m) -> domainOf.get(m).isEmpty())
                .thenComparing(m -> -count.get(domainOf.get(m)))
                .thenComparing(domainOf::get)
                .thenComparing(MailMessage::date, Comparator.nullsFirst(Comparator.naturalOrder())));
        var top = count.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3).toList();
        System.out.println("  largest outside domains: " + top);
        return out;
    }

    /** The largest outside domain's dated mail, {@code copies} times, each copy after the previous in time. */
    private static ArrayList<MailMessage> longRunningAccount(List<MailMessage> mails, int copies) {
        var count = new HashMap<String, Integer>();
        for (var m : mails) if (m.date() != null) count.merge(domainOf(m), 1, Integer::sum);
        count.remove("");
        var top = count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        var account = mails.stream().filter(m -> m.date() != null && domainOf(m).equals(top))
                .sorted(Comparator.comparing(MailMessage::date)).toList();
        var span = Duration.between(account.getFirst().date(), account.getLast().date()).plusDays(1);
        System.out.printf("  one account: %s, %d messages over %d days, %d copies%n", top, account.size(), span.toDays(), copies);
        var out = new ArrayList<MailMessage>(account.size() * copies);
        for (int k = 0; k < copies; k++) {
            var shift = span.multipliedBy(k);
            var tag = "c" + k + ".";
            for (var m : account) {
                out.add(new MailMessage(m.id() + "~" + k, m.messageId() == null ? null : tag + m.messageId(),
                        m.inReplyTo() == null ? null : tag + m.inReplyTo(), m.references().stream().map(r -> tag + r).toList(),
                        m.subject(), m.from(), m.to(), m.cc(), m.date().plus(shift), m.text(), m.newText(), m.signature(), m.html(),
                        m.attachments(), m.invite(), m.automated(), m.warnings(), m.contentHash() + "~" + k, m.size()));
            }
        }
        return out;
    }

    private static String domainOf(MailMessage m) {
        return m.participants().stream().filter(a -> !OURS.isOurs(a)).map(EmailAddress::domain).findFirst().orElse("");
    }

    private static int largestDeal(Store store) {
        int largest = 0;
        for (var d : store.deals().list(0, Integer.MAX_VALUE)) largest = Math.max(largest, store.messages().findByDeal(d.id()).size());
        return largest;
    }
}
