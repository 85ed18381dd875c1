package io.dealwire.api.app;

import io.dealwire.api.config.Config;
import io.dealwire.api.http.ApiException;
import io.dealwire.api.mailbox.MailboxRequest;
import io.dealwire.api.mailbox.SyncControl;
import io.dealwire.api.secret.SecretBox;
import io.dealwire.core.intake.Intake;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.Store;
import io.dealwire.ingest.sync.MailboxConnectException;
import io.dealwire.ingest.sync.MailboxProbe;
import io.dealwire.ingest.sync.RequestLoad;
import io.dealwire.ingest.sync.SyncListener;
import io.dealwire.ingest.sync.SyncService;
import io.dealwire.ingest.sync.SyncSettings;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The mailbox sync engine as the service runs it: every stored mailbox synced, new mail handed to the index at once. */
public final class Mailboxes implements SyncControl, AutoCloseable {
    private final SyncService sync;
    private final SyncSettings settings;
    private final Store store;

    private Mailboxes(SyncService sync, SyncSettings settings, Store store) {
        this.sync = sync;
        this.settings = settings;
        this.store = store;
    }

    /** @param load the API's requests in flight, which every mailbox's sync gives precedence to */
    public static Mailboxes start(Config config, Store store, Intake intake, SecretBox secrets, Search search, RequestLoad load) {
        // background priority: a backfill takes the CPU that people's requests leave (ADR 7)
        var settings = SyncSettings.defaults().withPollInterval(Duration.ofSeconds(config.syncPollSeconds()))
                .withThreads(BackgroundThreads.factory());
        var sync = new SyncService(store, intake, (Mailbox m) -> secrets.decrypt(m.encryptedPassword()), settings, load);
        sync.addListener(new SyncListener() {
            @Override
            public void stored(String mailboxId, String folder, List<StoredMessage> messages) {
                search.poke();
            }
        });
        sync.startAll();
        return new Mailboxes(sync, settings, store);
    }

    @Override
    public void start(Mailbox mailbox) {
        sync.start(mailbox.id());
    }

    @Override
    public void stop(String mailboxId) {
        sync.stop(mailboxId);
    }

    @Override
    public List<String> probe(MailboxRequest r) {
        try {
            return MailboxProbe.probe(settings, r.host(), r.port(), r.security(), r.username(), r.password(),
                    r.allowInsecure(), r.pinnedCertificateSha256()).folders();
        } catch (MailboxConnectException e) {
            throw new ApiException(422, title(e.kind()), e.getMessage());
        }
    }

    private static String title(MailboxConnectException.Kind kind) {
        return switch (kind) {
            case UNKNOWN_HOST -> "Unknown host";
            case CONNECTION_REFUSED -> "Connection refused";
            case TIMEOUT -> "No answer from the server";
            case TLS_FAILURE -> "TLS failure";
            case AUTHENTICATION_FAILED -> "Authentication failed";
            case INSECURE_NOT_ALLOWED -> "Insecure connection refused";
            case PROTOCOL -> "Not an IMAP server";
        };
    }

    /** Mailboxes per state, for {@code /api/health}. */
    public Map<String, Long> summary() {
        var counts = new TreeMap<String, Long>();
        for (var m : store.mailboxes().list()) counts.merge(m.state().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
        return counts;
    }

    @Override
    public void close() {
        sync.close();
    }
}
