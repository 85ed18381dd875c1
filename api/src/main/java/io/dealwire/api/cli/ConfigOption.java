package io.dealwire.api.cli;

import io.dealwire.api.config.Config;
import io.dealwire.api.config.ConfigLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --config FILE} option shared by every command that opens the data dir. */
public final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (default: $DEALWIRE_CONFIG, else ./dealwire.yaml when present)")
    Path file;

    public Config load() {
        return ConfigLoader.fromEnvironment(file);
    }
}
