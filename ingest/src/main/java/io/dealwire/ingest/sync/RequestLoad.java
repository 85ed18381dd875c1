package io.dealwire.ingest.sync;

/**
 * How many requests a person is waiting for right now (the API's HTTP requests in flight). The sync asks
 * before each batch: while requests wait, a backfill parses on one thread and pauses between batches, so
 * searches and context lookups keep their latency on a small machine. Implementations must be cheap and
 * thread-safe: the sync asks once per batch and while it pauses.
 */
@FunctionalInterface
public interface RequestLoad {

    /** No requests ever: the sync runs at full speed (the CLI, tests, a service without an API). */
    RequestLoad NONE = () -> 0;

    /** Requests being served at this moment; 0 when nobody waits. */
    int inFlight();
}
