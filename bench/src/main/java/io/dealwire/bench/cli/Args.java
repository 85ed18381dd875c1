package io.dealwire.bench.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options with defaults. */
public final class Args {
    private final Map<String, String> values = new HashMap<>();

    public Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
            if (i + 1 >= args.length) throw new IllegalArgumentException("option " + args[i] + " needs a value");
            values.put(args[i].substring(2), args[++i]);
        }
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String require(String name) {
        var v = values.get(name);
        if (v == null) throw new IllegalArgumentException("option --" + name + " is required");
        return v;
    }

    public int integer(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    public Path path(String name) {
        return Path.of(require(name));
    }

    public Path path(String name, String fallback) {
        return Path.of(get(name, fallback));
    }
}
