package io.dealwire.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsWithoutFileOrEnvironment() {
        var c = ConfigLoader.load(null, Map.of());
        assertEquals(Path.of("./data"), c.dataDir());
        assertEquals("127.0.0.1", c.httpHost());
        assertEquals(8080, c.httpPort());
        assertNull(c.mongoUri());
        assertNull(c.bootstrapToken());
        assertEquals(List.of(), c.ownDomains());
        assertEquals(30, c.syncPollSeconds());
    }

    @Test
    void environmentOverridesTheFileKeyByKey() throws Exception {
        var file = dir.resolve("dealwire.yaml");
        Files.writeString(file, """
                dataDir: /srv/dealwire
                http:
                  host: 0.0.0.0
                  port: 9000
                ownDomains: [Northwind.fr, northwind.io]
                """);
        var c = ConfigLoader.load(file, Map.of("DEALWIRE_HTTP_PORT", "9100", "DEALWIRE_MONGO_URI", "mongodb://db:27017/crm"));
        assertEquals(Path.of("/srv/dealwire"), c.dataDir());
        assertEquals("0.0.0.0", c.httpHost());
        assertEquals(9100, c.httpPort());
        assertEquals("mongodb://db:27017/crm", c.mongoUri());
        assertEquals(List.of("northwind.fr", "northwind.io"), c.ownDomains());
    }

    @Test
    void aBadValueNamesTheKeyAndWhatIsWrong() {
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of("DEALWIRE_HTTP_PORT", "eighty")));
        assertTrue(e.getMessage().contains("DEALWIRE_HTTP_PORT"), e.getMessage());
        assertTrue(e.getMessage().contains("'eighty' is not a port number"), e.getMessage());

        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of("DEALWIRE_HTTP_PORT", "70000")));
        assertTrue(e.getMessage().contains("DEALWIRE_HTTP_PORT"), e.getMessage());

        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of("DEALWIRE_MONGO_URI", "postgres://x")));
        assertTrue(e.getMessage().contains("DEALWIRE_MONGO_URI") && e.getMessage().contains("mongodb://"), e.getMessage());

        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of("DEALWIRE_BOOTSTRAP_TOKEN", "short")));
        assertTrue(e.getMessage().contains("DEALWIRE_BOOTSTRAP_TOKEN"), e.getMessage());

        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of("DEALWIRE_SECRET_KEY", "bm90IGEga2V5")));
        assertTrue(e.getMessage().contains("16, 24 or 32 bytes"), e.getMessage());

        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of("DEALWIRE_OWN_DOMAINS", "northwind.fr, not a domain")));
        assertTrue(e.getMessage().contains("'not a domain' is not a domain name"), e.getMessage());
    }

    @Test
    void aDataDirThatIsAFileIsRefused() throws Exception {
        var file = Files.writeString(dir.resolve("plain-file"), "x");
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of("DEALWIRE_DATA_DIR", file.toString())));
        assertTrue(e.getMessage().contains("DEALWIRE_DATA_DIR") && e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void unknownKeysAndBrokenYamlInTheFileAreReported() throws Exception {
        var typo = Files.writeString(dir.resolve("typo.yaml"), "http:\n  prot: 8080\n");
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(typo, Map.of()));
        assertTrue(e.getMessage().contains("unknown key 'http.prot'"), e.getMessage());

        var broken = Files.writeString(dir.resolve("broken.yaml"), "http: [unclosed\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(broken, Map.of()));
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());

        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("missing.yaml"), Map.of()));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
}
