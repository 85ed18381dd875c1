package io.dealwire.api.cli;

import io.dealwire.api.app.Dealwire;
import io.dealwire.api.app.Search;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Rebuilds the search index from the store, with a progress bar (the service must be stopped for the embedded store). */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the store (stop the service first; a running service rebuilds with POST /api/admin/reindex).")
public final class ReindexCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Override
    public Integer call() {
        var cfg = config.load();
        return Dealwire.withStore(cfg, store -> {
            long n = Search.rebuild(cfg, store, (done, total) -> {
                int width = 40;
                int filled = total == 0 ? width : (int) Math.min(width, done * width / Math.max(1, total));
                System.err.printf("\rreindex [%s%s] %d/%d", "#".repeat(filled), " ".repeat(width - filled), done, total);
            });
            System.err.println();
            System.out.println("reindexed " + n + " messages");
            return 0;
        });
    }
}
