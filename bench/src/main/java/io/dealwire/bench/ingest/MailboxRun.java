package io.dealwire.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.bench.http.Api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** One mailbox added through the API and watched until every folder is backfilled and the index caught up. */
public final class MailboxRun {
    private final Api api;
    private final String id;
    private final long startNanos;
    private volatile boolean finished;

    /** When the store and the index were done, in seconds from the POST, and what the mailbox counted. */
    public record Done(double storedSeconds, double indexedSeconds, long folderMessages, long distinctMessages, long indexDocuments) {
    }

    private MailboxRun(Api api, String id, long startNanos) {
        this.api = api;
        this.id = id;
        this.startNanos = startNanos;
    }

    public static MailboxRun add(Api api, String name, String host, int port, String user, String password, List<String> folders)
            throws IOException, InterruptedException {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("host", host);
        body.put("port", port);
        body.put("security", "none");
        body.put("username", user);
        body.put("password", password);
        body.put("folders", folders);
        long start = System.nanoTime();
        var created = api.post("/api/mailboxes", body);
        return new MailboxRun(api, created.path("id").asText(), start);
    }

    public String id() {
        return id;
    }

    public boolean finished() {
        return finished;
    }

    /** How far the mailbox's backfill is, in messages over every folder. */
    public record Progress(long done, long total) {
    }

    /** Asks the service how far the backfill is now. */
    public Progress progress() throws IOException, InterruptedException {
        return progress(api.get("/api/mailboxes/" + id));
    }

    private static Progress progress(JsonNode mailbox) {
        long done = 0, total = 0;
        for (JsonNode f : mailbox.path("folderSync")) {
            done += f.path("backfill").path("done").asLong();
            total += f.path("backfill").path("total").asLong();
        }
        return new Progress(done, total);
    }

    /**
     * Polls every {@code pollMillis} until every folder's backfill is done and the index has stopped moving
     * with at least as many documents as distinct messages stored. {@code onPoll} runs at each poll (RSS sampling).
     */
    public Done await(long timeoutSeconds, int expectedFolders, int pollMillis, Runnable onPoll)
            throws IOException, InterruptedException, TimeoutException {
        long deadline = startNanos + timeoutSeconds * 1_000_000_000L;
        double stored = -1;
        long lastSeq = -1;
        long lastReport = System.nanoTime();
        while (System.nanoTime() < deadline) {
            onPoll.run();
            // /api/health is cheap; GET /api/mailboxes/{id} counts the mailbox's messages (it reads them all), so it
            // is asked only when the health summary says nothing is backfilling any more, or every 10 s for progress
            var health = api.get("/api/health");
            long now = System.nanoTime();
            var states = health.path("mailboxes");
            boolean busy = states.path("backfilling").asLong() + states.path("connecting").asLong() > 0;
            boolean report = now - lastReport > 10_000_000_000L;
            if (!busy || report || stored >= 0) {
                var mailbox = api.get("/api/mailboxes/" + id);
                now = System.nanoTime();
                if ("error".equals(mailbox.path("state").asText()))
                    throw new IOException("the mailbox went into error: " + mailbox.path("lastError").asText());
                var folders = mailbox.path("folderSync");
                var progress = progress(mailbox);
                long done = progress.done(), total = progress.total();
                boolean allDone = folders.size() >= expectedFolders;
                for (JsonNode f : folders)
                    if (f.path("backfill").path("done").asLong() < f.path("backfill").path("total").asLong() || f.path("uidValidity").asLong() == 0)
                        allDone = false;
                long seq = health.path("index").path("indexedSeq").asLong();
                long docs = health.path("index").path("documents").asLong();
                long distinct = mailbox.path("messages").asLong();
                if (allDone && stored < 0) stored = (now - startNanos) / 1e9;
                if (stored >= 0 && seq == lastSeq && docs >= distinct && "ready".equals(health.path("index").path("state").asText())) {
                    finished = true;
                    // the index was already caught up at the previous poll
                    return new Done(stored, Math.max(stored, (now - startNanos) / 1e9 - pollMillis / 1e3), total, distinct, docs);
                }
                if (stored >= 0) lastSeq = seq;
                if (report) {
                    System.err.printf("  %s: %.0f s, backfill %d/%d in %d folders, %d distinct stored, index %d docs (seq %d), state %s%n",
                            id, (now - startNanos) / 1e9, done, total, folders.size(), distinct, docs, seq, mailbox.path("state").asText());
                    lastReport = now;
                }
            }
            Thread.sleep(pollMillis);
        }
        throw new TimeoutException("mailbox " + id + " did not finish within " + timeoutSeconds + " s");
    }
}
