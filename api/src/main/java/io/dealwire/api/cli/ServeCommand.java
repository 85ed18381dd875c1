package io.dealwire.api.cli;

import io.dealwire.api.app.Dealwire;
import io.dealwire.api.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Runs the service until SIGTERM or Ctrl-C, then stops pollers and commits store and index. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Dealwire service (the default command).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Override
    public Integer call() throws Exception {
        Dealwire app;
        try {
            app = Dealwire.start(config.load());
        } catch (ConfigException e) {
            System.err.println("dealwire: configuration error: " + e.getMessage());
            return 2;
        } catch (Dealwire.StartupException e) {
            System.err.println("dealwire: cannot start: " + e.getMessage());
            return 1;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "dealwire-shutdown"));
        stopped.await();
        return 0;
    }
}
