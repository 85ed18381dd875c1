package io.dealwire.bench.ingest;

import io.dealwire.bench.cli.Args;
import io.dealwire.bench.fs.Trees;
import io.dealwire.bench.http.Api;
import io.dealwire.bench.imap.ImapWire;
import io.dealwire.bench.imap.RawFetch;
import io.dealwire.bench.service.ServiceProcess;
import io.dealwire.bench.stats.StopTheWorld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest benchmark: the Enron tree served by a loopback Dovecot, pulled in the same run by a raw IMAP
 * fetch, by mbsync and by Dealwire end to end (stored and indexed, {@code -Xmx512m}); then the time from
 * an APPEND to searchable. Prints a table with ratios to mbsync.
 */
public final class IngestBench {
    private static final String USER = "enron";

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv);
        var java = args.path("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var jar = args.path("jar");
        var work = args.path("work");
        int imapPort = args.integer("imap-port", 10143);
        int httpPort = args.integer("http-port", 18080);
        var heap = args.get("heap", "512m");
        var jfr = args.get("jfr", "");

        long maxMessages = Long.parseLong(args.get("max-messages", "0"));
        var sizes = RawFetch.folderSizes("127.0.0.1", imapPort, USER, USER);
        var folders = new ArrayList<String>();
        long selected = 0;
        for (var e : sizes.entrySet()) {
            // INBOX (empty here) is always synced: the APPEND-to-searchable test writes there, outside the corpus
            if (maxMessages > 0 && selected >= maxMessages && !e.getKey().equalsIgnoreCase("INBOX")) continue;
            folders.add(e.getKey());
            selected += e.getValue();
        }
        System.out.printf("folders: %d of the %d selectable folders LIST returns, %d messages%s%n", folders.size(), sizes.size(), selected,
                maxMessages > 0 ? " (--max-messages " + maxMessages + ": the first folders in LIST order, the same for every tool)" : "");
        var warm = RawFetch.fetchAll("127.0.0.1", imapPort, USER, USER, folders);
        System.out.printf("warm-up raw fetch (Dovecot indexes, page cache): %d messages, %.1f MB, %.1f s%n",
                warm.messages(), warm.bytes() / 1e6, warm.seconds());

        // the folders Dealwire holds, for search.sh to give mu and notmuch the same mail
        Files.write(work.resolve("ingested-folders.txt"), folders);
        var raw = RawFetch.fetchAll("127.0.0.1", imapPort, USER, USER, folders);
        var mbsync = runMbsync(work.resolve("mbsync"), imapPort, maxMessages > 0 ? folders : List.of());

        var dataDir = work.resolve("data");
        Trees.delete(dataDir);
        var jvmLog = work.resolve("service-ingest-jvm.log");
        Files.deleteIfExists(jvmLog);
        var jvm = new ArrayList<>(List.of("-Xmx" + heap, StopTheWorld.jvmArg(jvmLog)));
        if (!jfr.isEmpty()) jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        MailboxRun.Done done;
        Instant ingestFrom;
        StopTheWorld.Summary ingestPauses;
        double peakRss;
        List<Double> appendMillis;
        try (var service = ServiceProcess.start(java, jar, dataDir, httpPort, jvm, work.resolve("service-ingest.log"))) {
            var api = new Api(httpPort, ServiceProcess.TOKEN);
            ingestFrom = Instant.now();
            var run = MailboxRun.add(api, "enron", "127.0.0.1", imapPort, USER, USER, folders);
            done = run.await(4 * 3600, folders.size(), 100, () -> { });
            ingestPauses = StopTheWorld.within(jvmLog, ingestFrom, Instant.now());
            peakRss = service.peakRssMiB();
            appendMillis = appendToSearchable(api, imapPort, 5);
            peakRss = Math.max(peakRss, service.peakRssMiB());
        }

        long indexBytes = Trees.bytes(dataDir.resolve("index"));
        long dataBytes = Trees.bytes(dataDir);
        System.out.println();
        System.out.printf("Ingest of the Enron corpus, %s, %d cores, Dealwire -Xmx%s%n", Instant.now(), Runtime.getRuntime().availableProcessors(), heap);
        System.out.printf("%-28s %9s %9s %10s %14s%n", "tool", "messages", "seconds", "msgs/s", "ratio to mbsync");
        row("raw IMAP fetch (1 conn)", raw.messages(), raw.seconds(), mbsync);
        row("mbsync (isync, FSync no)", mbsync.messages(), mbsync.seconds(), mbsync);
        row("Dealwire stored", done.folderMessages(), done.storedSeconds(), mbsync);
        row("Dealwire stored+indexed", done.folderMessages(), done.indexedSeconds(), mbsync);
        System.out.printf("Dealwire: %d distinct messages, %d index documents, peak RSS (VmHWM) %.0f MiB%n",
                done.distinctMessages(), done.indexDocuments(), peakRss);
        System.out.printf("Dealwire stop-the-world pauses during the ingest: %s%n", ingestPauses);
        System.out.printf("Dealwire data dir %.1f MB (index %.1f MB) for %.1f MB fetched%n", dataBytes / 1e6, indexBytes / 1e6, raw.bytes() / 1e6);
        var sorted = appendMillis.stream().sorted().toList();
        System.out.printf("APPEND to searchable (%d appends to INBOX): median %.0f ms, max %.0f ms, all %s%n",
                sorted.size(), sorted.get(sorted.size() / 2), sorted.getLast(), appendMillis.stream().map(d -> String.format("%.0f", d)).toList());
    }

    private static void row(String tool, long messages, double seconds, RawFetch.Result mbsync) {
        double rate = messages / seconds;
        System.out.printf("%-28s %9d %9.1f %10.0f %13.2fx%n", tool, messages, seconds, rate, rate / mbsync.perSecond());
    }

    /** mbsync pulling every folder into a fresh local Maildir, timed. */
    private static RawFetch.Result runMbsync(Path dir, int imapPort, List<String> folders) throws IOException, InterruptedException {
        Trees.delete(dir);
        var maildir = dir.resolve("maildir");
        Files.createDirectories(maildir);
        var rc = dir.resolve("mbsyncrc");
        // FSync no: Dovecot here runs with mail_fsync=never too; what is compared is fetching and writing, not the disk's flush
        Files.writeString(rc, String.join("\n", "FSync no", "",
                "IMAPAccount enron", "Host 127.0.0.1", "Port " + imapPort, "User enron", "Pass enron", "SSLType None", "AuthMechs LOGIN", "",
                "IMAPStore enron-remote", "Account enron", "",
                "MaildirStore enron-local", "Path " + maildir + "/", "Inbox " + maildir + "/INBOX", "SubFolders Verbatim", "",
                "Channel enron", "Far :enron-remote:", "Near :enron-local:", "Patterns " + (folders.isEmpty() ? "*" : String.join(" ", folders.stream().map(f -> "\"" + f + "\"").toList())), "Create Near", "Sync Pull",
                "Expunge None", "SyncState *", ""));
        long start = System.nanoTime();
        var p = new ProcessBuilder("mbsync", "-c", rc.toString(), "-q", "enron").redirectErrorStream(true)
                .redirectOutput(dir.resolve("mbsync.log").toFile()).start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) throw new IOException("mbsync exited with " + exit + ": " + Files.readString(dir.resolve("mbsync.log")));
        return new RawFetch.Result(Trees.maildirMessages(maildir), Trees.bytes(maildir), seconds);
    }

    /** APPENDs a message with a unique word to INBOX and polls the search until it is found; returns the delays. */
    private static List<Double> appendToSearchable(Api api, int imapPort, int times) throws Exception {
        var delays = new ArrayList<Double>();
        for (int i = 0; i < times; i++) {
            var word = "benchappend" + System.nanoTime();
            var message = ("From: Dana Buyer <dana@acme-bench.example>\r\n"
                    + "To: jeff.dasovich@enron.com\r\n"
                    + "Subject: Quote " + word + "\r\n"
                    + "Message-ID: <" + word + "@acme-bench.example>\r\n"
                    + "Date: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now()) + "\r\n"
                    + "\r\n"
                    + "Could you send the updated quote for the pipeline capacity? " + word + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try (var wire = ImapWire.login("127.0.0.1", imapPort, USER, USER)) {
                long start = System.nanoTime();
                wire.append("INBOX", message);
                long deadline = start + 60_000_000_000L;
                double found = Double.POSITIVE_INFINITY; // not found within 60 s
                while (System.nanoTime() < deadline) {
                    if (api.get("/api/search?limit=1&q=" + Api.encode(word)).path("total").asLong() > 0) {
                        found = (System.nanoTime() - start) / 1e6;
                        break;
                    }
                    Thread.sleep(10);
                }
                wire.logout();
                delays.add(found);
            }
        }
        return delays;
    }

}
