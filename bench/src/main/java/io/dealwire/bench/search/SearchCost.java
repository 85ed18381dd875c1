package io.dealwire.bench.search;

import io.dealwire.bench.cli.Args;
import io.dealwire.bench.stats.Latencies;
import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.IndexContext;
import io.dealwire.index.MessageIndex;
import io.dealwire.index.search.SearchRequest;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The search benchmark's four queries in process, without HTTP: wall time and thread CPU per search on an
 * index the ingest benchmark left (run it on a copy: opening the index takes its write lock), then the same
 * queries from concurrent searchers. Shows what the index costs per query, apart from the service around it.
 *
 * <p>{@code --index DIR --runs 2000 --warmup 2000 --threads 16 --seconds 20 [--dump FILE]}: {@code --dump} writes every
 * query's answer (totals, hits with snippets, facets, the first three pages), to compare two versions' answers;
 * {@code --store DIR} (a copy of a data dir, holding {@code store/}) also times what the API adds to a search: a name for
 * every company, deal and owner of the facets, read from the store.
 */
public final class SearchCost {
    public static void main(String[] argv) throws Exception {
        var args = new Args(argv);
        Path dir = args.path("index");
        int runs = args.integer("runs", 2000);
        int warmup = args.integer("warmup", 2000);
        int limit = args.integer("limit", 20);
        int threads = args.integer("threads", 16);
        int seconds = args.integer("seconds", 20);
        var dump = args.get("dump", "");
        var viewer = new Viewer("bench-admin", Role.ADMIN, Set.of());
        var bean = ManagementFactory.getThreadMXBean();

        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            System.out.printf("index %s: %d documents, %d cores%n", dir, index.documentCount(), Runtime.getRuntime().availableProcessors());
            var requests = new ArrayList<SearchRequest>();
            for (var q : SearchBench.QUERIES) {
                var request = new SearchRequest(q.dealwire(), limit, null, SearchRequest.Sort.RELEVANCE, false);
                requests.add(request);
                var first = index.search(request, viewer);
                System.out.printf("%-32s total %6d, %d hits, facet values %d%n", q.label(), first.total(), first.hits().size(),
                        first.facets().values().stream().mapToInt(java.util.Map::size).sum());
            }
            if (!dump.isEmpty()) dump(index, requests, viewer, Path.of(dump));
            for (int i = 0; i < warmup; i++) for (var r : requests) index.search(r, viewer);

            System.out.printf("%-32s %10s %10s %14s%n", "query (one thread)", "p50 ms", "p99 ms", "CPU µs/query");
            for (int qi = 0; qi < requests.size(); qi++) {
                var request = requests.get(qi);
                var nanos = new long[runs];
                long cpu0 = bean.getCurrentThreadCpuTime();
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    index.search(request, viewer);
                    nanos[i] = System.nanoTime() - t;
                }
                double cpuMicros = (bean.getCurrentThreadCpuTime() - cpu0) / 1e3 / runs;
                var l = Latencies.of(nanos, runs);
                System.out.printf("%-32s %10.2f %10.2f %14.0f%n", SearchBench.QUERIES.get(qi).label(), l.p50(), l.p99(), cpuMicros);
            }

            if (threads > 0 && seconds > 0) concurrent(index, requests, viewer, threads, seconds);
            var storeDir = args.get("store", "");
            if (!storeDir.isEmpty()) labels(index, requests, viewer, Path.of(storeDir), runs);
        }
    }

    /** The store reads of the API's facet labels ({@code SearchAnswer}): one find per company, deal and owner shown. */
    private static void labels(MessageIndex index, java.util.List<SearchRequest> requests, Viewer viewer, Path storeDir, int runs) {
        try (var store = io.dealwire.store.StoreFactory.openEmbedded(storeDir)) {
            System.out.printf("%-32s %10s %10s %14s%n", "facet labels from the store", "p50 ms", "p99 ms", "lookups");
            for (int qi = 0; qi < requests.size(); qi++) {
                var facets = index.search(requests.get(qi), viewer).facets();
                var companies = facets.getOrDefault("company", java.util.Map.of()).keySet();
                var deals = facets.getOrDefault("deal", java.util.Map.of()).keySet();
                var owners = facets.getOrDefault("owner", java.util.Map.of()).keySet();
                int n = Math.max(1, runs / 10);
                var nanos = new long[n];
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    for (var id : companies) store.companies().find(id);
                    for (var id : deals) store.deals().find(id);
                    for (var id : owners) store.users().find(id);
                    nanos[i] = System.nanoTime() - t;
                }
                var l = Latencies.of(nanos, n);
                System.out.printf("%-32s %10.2f %10.2f %14d%n", SearchBench.QUERIES.get(qi).label(), l.p50(), l.p99(),
                        companies.size() + deals.size() + owners.size());
            }
        }
    }

    /** Each query's first three pages, in full, one line per page: two versions must write the same file. */
    private static void dump(MessageIndex index, java.util.List<SearchRequest> requests, Viewer viewer, Path file) throws java.io.IOException {
        var out = new StringBuilder();
        for (var request : requests) {
            var page = request;
            for (int i = 0; i < 3 && page != null; i++) {
                var result = index.search(page, viewer);
                out.append(page.q()).append(" page ").append(i).append(": ").append(result).append('\n');
                page = result.next() == null ? null : page.withCursor(result.next());
            }
            var byDate = new SearchRequest(request.q(), request.limit(), null, SearchRequest.Sort.DATE, false);
            out.append(request.q()).append(" by date: ").append(index.search(byDate, viewer)).append('\n');
            var grouped = new SearchRequest(request.q(), request.limit(), null, SearchRequest.Sort.RELEVANCE, true);
            out.append(request.q()).append(" by conversation: ").append(index.search(grouped, viewer)).append('\n');
        }
        java.nio.file.Files.writeString(file, out);
    }

    /** {@code threads} closed-loop searchers cycling through the queries for {@code seconds}. */
    private static void concurrent(MessageIndex index, java.util.List<SearchRequest> requests, Viewer viewer, int threads, int seconds)
            throws InterruptedException {
        var stop = new AtomicBoolean();
        var all = new long[threads][];
        var counts = new int[threads];
        var cpu = new AtomicLong();
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(Thread.ofPlatform().name("searcher-" + t).start(() -> {
                var bean = ManagementFactory.getThreadMXBean();
                var nanos = new long[1 << 20];
                int n = 0;
                long cpu0 = bean.getCurrentThreadCpuTime();
                while (!stop.get() && n < nanos.length) {
                    long start = System.nanoTime();
                    index.search(requests.get((n + id) % requests.size()), viewer);
                    nanos[n++] = System.nanoTime() - start;
                }
                cpu.addAndGet(bean.getCurrentThreadCpuTime() - cpu0);
                all[id] = nanos;
                counts[id] = n;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (var w : workers) w.join();
        int total = 0;
        for (int c : counts) total += c;
        var merged = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(all[t], 0, merged, at, counts[t]);
            at += counts[t];
        }
        var l = Latencies.of(merged, total);
        System.out.printf("%d concurrent searchers, %d s: %d queries, %.0f q/s, p50 %.2f ms, p99 %.2f ms, CPU %.0f µs/query%n",
                threads, seconds, total, total / (double) seconds, l.p50(), l.p99(), cpu.get() / 1e3 / total);
    }
}
