package io.dealwire.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the configuration. Each key has a YAML path and an environment variable; the environment wins.
 * A bad value stops the start with a {@link ConfigException} naming the key.
 *
 * <pre>
 * dataDir          DEALWIRE_DATA_DIR          ./data
 * http.host        DEALWIRE_HTTP_HOST         127.0.0.1
 * http.port        DEALWIRE_HTTP_PORT         8080
 * mongo.uri        DEALWIRE_MONGO_URI         (unset: embedded store)
 * bootstrapToken   DEALWIRE_BOOTSTRAP_TOKEN   (unset: generated and printed once)
 * secretKey        DEALWIRE_SECRET_KEY        (unset: key file in the data dir)
 * ownDomains       DEALWIRE_OWN_DOMAINS       (comma-separated)
 * sync.pollSeconds DEALWIRE_SYNC_POLL_SECONDS 30
 * http.rateLimit   DEALWIRE_HTTP_RATE_LIMIT   200 (requests a second per client; 0: none)
 * </pre>
 */
public final class ConfigLoader {
    /** Every key: YAML path → environment variable. */
    public static final Map<String, String> KEYS;
    public static final int DEFAULT_RATE_LIMIT = 200;

    static {
        var keys = new LinkedHashMap<String, String>();
        keys.put("dataDir", "DEALWIRE_DATA_DIR");
        keys.put("http.host", "DEALWIRE_HTTP_HOST");
        keys.put("http.port", "DEALWIRE_HTTP_PORT");
        keys.put("mongo.uri", "DEALWIRE_MONGO_URI");
        keys.put("bootstrapToken", "DEALWIRE_BOOTSTRAP_TOKEN");
        keys.put("secretKey", "DEALWIRE_SECRET_KEY");
        keys.put("ownDomains", "DEALWIRE_OWN_DOMAINS");
        keys.put("sync.pollSeconds", "DEALWIRE_SYNC_POLL_SECONDS");
        keys.put("http.rateLimit", "DEALWIRE_HTTP_RATE_LIMIT");
        KEYS = Map.copyOf(keys);
    }

    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9._~+/=-]{16,200}$");

    private ConfigLoader() {
    }

    /** Loads {@code file} when it exists (null: none) and applies {@code env} over it. */
    public static Config load(Path file, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file != null) {
            if (!Files.isRegularFile(file)) throw new ConfigException("config file " + file + ": not found or not a file");
            readYaml(file, values);
        }
        KEYS.forEach((key, var) -> {
            var v = env.get(var);
            if (v != null && !v.isBlank()) values.put(key, v.trim());
        });
        return validate(values, file);
    }

    /** The default: {@code DEALWIRE_CONFIG} or {@code ./dealwire.yaml} when present, and the process environment. */
    public static Config fromEnvironment(Path explicitFile) {
        var env = System.getenv();
        Path file = explicitFile;
        if (file == null && env.get("DEALWIRE_CONFIG") != null) file = Path.of(env.get("DEALWIRE_CONFIG"));
        if (file == null && Files.isRegularFile(Path.of("dealwire.yaml"))) file = Path.of("dealwire.yaml");
        return load(file, env);
    }

    private static void readYaml(Path file, Map<String, String> values) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("config file " + file + ": not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) return;
        if (!root.isObject()) throw new ConfigException("config file " + file + ": expected a mapping of keys at the top level");
        flatten("", root, values, file);
        for (var key : values.keySet()) {
            if (!KEYS.containsKey(key))
                throw new ConfigException("config file " + file + ": unknown key '" + key + "' (known keys: " + String.join(", ", KEYS.keySet()) + ")");
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            var key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            var v = e.getValue();
            if (v.isObject()) {
                flatten(key, v, out, file);
            } else if (v.isArray()) {
                var parts = new ArrayList<String>();
                v.forEach(x -> parts.add(x.asText()));
                out.put(key, String.join(",", parts));
            } else if (!v.isNull()) {
                out.put(key, v.asText());
            }
        }
    }

    private static Config validate(Map<String, String> v, Path file) {
        Path dataDir;
        try {
            dataDir = Path.of(v.getOrDefault("dataDir", "./data"));
        } catch (InvalidPathException e) {
            throw new ConfigException(describe("dataDir") + ": '" + v.get("dataDir") + "' is not a valid path");
        }
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir))
            throw new ConfigException(describe("dataDir") + ": " + dataDir + " exists and is not a directory");

        var host = v.getOrDefault("http.host", "127.0.0.1");
        if (host.isBlank() || host.contains(" ") || host.contains("/"))
            throw new ConfigException(describe("http.host") + ": '" + host + "' is not a host name or IP address");
        int port = intValue(v, "http.port", 8080, 0, 65535, "a port number from 0 to 65535 (0 picks a free port)");
        int poll = intValue(v, "sync.pollSeconds", 30, 1, 3600, "a number of seconds from 1 to 3600");
        int rate = intValue(v, "http.rateLimit", DEFAULT_RATE_LIMIT, 0, 1_000_000, "a number of requests a second (0 for no limit)");

        var mongo = v.get("mongo.uri");
        if (mongo != null && !(mongo.startsWith("mongodb://") || mongo.startsWith("mongodb+srv://")))
            throw new ConfigException(describe("mongo.uri") + ": must start with mongodb:// or mongodb+srv://");

        var token = v.get("bootstrapToken");
        if (token != null && !TOKEN.matcher(token).matches())
            throw new ConfigException(describe("bootstrapToken") + ": must be 16 to 200 characters of letters, digits or . _ ~ + / = -");

        var secret = v.get("secretKey");
        if (secret != null) {
            byte[] key;
            try {
                key = java.util.Base64.getDecoder().decode(secret);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(describe("secretKey") + ": not valid base64");
            }
            if (key.length != 16 && key.length != 24 && key.length != 32)
                throw new ConfigException(describe("secretKey") + ": must decode to 16, 24 or 32 bytes (AES), got " + key.length);
        }

        var domains = new ArrayList<String>();
        var rawDomains = v.get("ownDomains");
        if (rawDomains != null) {
            for (var d : Arrays.stream(rawDomains.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
                var lower = d.toLowerCase(Locale.ROOT);
                if (!DOMAIN.matcher(lower).matches())
                    throw new ConfigException(describe("ownDomains") + ": '" + d + "' is not a domain name");
                domains.add(lower);
            }
        }
        return new Config(dataDir, host, port, mongo, token, secret, domains, poll, rate);
    }

    private static int intValue(Map<String, String> v, String key, int dflt, int min, int max, String what) {
        var raw = v.get(key);
        if (raw == null) return dflt;
        try {
            int n = Integer.parseInt(raw);
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(describe(key) + ": '" + raw + "' is not " + what);
        }
    }

    private static String describe(String key) {
        return KEYS.get(key) + " (" + key + ")";
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
