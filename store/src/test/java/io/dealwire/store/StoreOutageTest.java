package io.dealwire.store;

import io.dealwire.core.contact.Contact;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.StoreContract;
import io.dealwire.core.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Without a reachable store every call fails with {@link StoreUnavailableException} naming the store, and none hangs. */
class StoreOutageTest {
    // generous: the store gives up after StoreFactory.SERVER_SELECTION_TIMEOUT; this only catches a hang
    private static final Duration NO_HANG = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void callsFailWithStoreUnavailableOnceTheEmbeddedServerIsStopped() {
        try (var store = StoreFactory.open(null, dataDir)) {
            store.messages().save(StoredMessage.of(StoreContract.mail("m1", "m1@x", "Hello", T0)));
            store.embedded().orElseThrow().close();

            assertTimeoutPreemptively(NO_HANG, () -> {
                var read = assertThrows(StoreUnavailableException.class, () -> store.messages().find("m1"));
                assertTrue(read.getMessage().contains("dealwire.mv"), read.getMessage());
                assertThrows(StoreUnavailableException.class,
                        () -> store.messages().save(StoredMessage.of(StoreContract.mail("m2", "m2@x", "Hello", T0))));
                assertThrows(StoreUnavailableException.class, () -> store.contacts().save(
                        new Contact("p1", "Dana", List.of("dana@acme.example"), "", List.of(), null, List.of(), "", T0)));
                assertThrows(StoreUnavailableException.class, store::commit);
            });
        }
    }

    @Test
    void anUnreachableMongoDbFailsFastNamingItsHostAndNeverItsPassword() throws IOException {
        // a socket bound but not listening holds the port for the whole test: nothing can start listening on it
        try (var holder = new Socket()) {
            holder.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = holder.getLocalPort();
            String uri = "mongodb://dealwire:s3cret@127.0.0.1:" + port + "/crm";
            var e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(StoreUnavailableException.class, () -> StoreFactory.open(uri, dataDir)));
            assertTrue(e.getMessage().contains("127.0.0.1:" + port + "/crm"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        }
    }

    @Test
    void aMalformedUriIsRejectedWithoutQuotingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> StoreFactory.open("http://dealwire:s3cret@db", dataDir));
        assertTrue(e.getMessage().contains("DEALWIRE_MONGO_URI"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void aDataDirThatCannotHoldTheStoreIsNamed() throws IOException {
        Path notADirectory = Files.writeString(dataDir.resolve("plain-file"), "x");
        var e = assertThrows(StoreUnavailableException.class, () -> StoreFactory.open(null, notADirectory));
        assertTrue(e.getMessage().contains(notADirectory.toString()), e.getMessage());
    }
}
