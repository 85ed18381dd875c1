package io.dealwire.store.mapping;

import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.mailbox.SyncState;
import org.bson.Document;

import java.time.LocalDate;
import java.util.HashMap;

import static io.dealwire.store.mapping.BsonValues.*;

/**
 * {@link Mailbox} to and from the {@code mailboxes} collection. Folder checkpoints are a sub-document
 * keyed by the escaped folder name, so that one folder's checkpoint is written with a single
 * {@code $set} on {@link #folderPath(String)} without touching the others. Folder names may hold
 * {@code .} or start with {@code $}, which field names may not; the real name is kept inside.
 */
public final class MailboxMapping {
    public static final String COLLECTION = "mailboxes";
    public static final String FOLDER_SYNC = "folderSync";
    public static final String STATE = "state";
    public static final String LAST_ERROR = "lastError";

    private MailboxMapping() {
    }

    public static Document toDocument(Mailbox m) {
        var folders = new Document();
        for (var f : m.folderSync().values()) folders.append(folderKey(f.folder()), toDocument(f));
        return new Document("_id", m.id())
                .append("name", m.name())
                .append("host", m.host())
                .append("port", m.port())
                .append("security", name(m.security()))
                .append("username", m.username())
                .append("encryptedPassword", m.encryptedPassword())
                .append("folders", m.folders())
                .append("since", m.since() == null ? null : m.since().toString())
                .append("ownerId", m.ownerId())
                .append("shared", m.shared())
                .append("allowInsecure", m.allowInsecure())
                .append("pinnedCertificateSha256", m.pinnedCertificateSha256())
                .append(STATE, name(m.state()))
                .append(LAST_ERROR, m.lastError())
                .append(FOLDER_SYNC, folders)
                .append("createdAt", date(m.createdAt()));
    }

    public static Mailbox fromDocument(Document d) {
        var folderSync = new HashMap<String, FolderSync>();
        var folders = d.get(FOLDER_SYNC, Document.class);
        if (folders != null) {
            for (var v : folders.values()) {
                var f = folderSyncFromDocument((Document) v);
                folderSync.put(f.folder(), f);
            }
        }
        String since = d.getString("since");
        return new Mailbox(d.getString("_id"), d.getString("name"), d.getString("host"), intOf(d, "port"),
                enumOf(d, "security", Security.class), d.getString("username"), d.getString("encryptedPassword"),
                strings(d, "folders"), since == null ? null : LocalDate.parse(since), d.getString("ownerId"),
                boolOf(d, "shared"), boolOf(d, "allowInsecure"), d.getString("pinnedCertificateSha256"),
                enumOf(d, STATE, SyncState.class), d.getString(LAST_ERROR), folderSync, instant(d, "createdAt"));
    }

    public static Document toDocument(FolderSync f) {
        return new Document("folder", f.folder())
                .append("uidValidity", f.uidValidity())
                .append("lastUid", f.lastUid())
                .append("highestModSeq", f.highestModSeq())
                .append("backfillLowUid", f.backfillLowUid())
                .append("stored", f.stored())
                .append("backfillDone", f.backfillDone())
                .append("backfillTotal", f.backfillTotal());
    }

    static FolderSync folderSyncFromDocument(Document d) {
        return new FolderSync(d.getString("folder"), longOf(d, "uidValidity"), longOf(d, "lastUid"),
                longOf(d, "highestModSeq"), longOf(d, "backfillLowUid"), longOf(d, "stored"),
                longOf(d, "backfillDone"), longOf(d, "backfillTotal"));
    }

    /** The dotted path of one folder's checkpoint, for a {@code $set}. */
    public static String folderPath(String folder) {
        return FOLDER_SYNC + "." + folderKey(folder);
    }

    /** A field name for a folder: percent-escapes {@code %}, {@code .} and {@code $}; reversible and collision-free. */
    static String folderKey(String folder) {
        var sb = new StringBuilder(folder.length() + 8);
        for (int i = 0; i < folder.length(); i++) {
            char c = folder.charAt(i);
            switch (c) {
                case '%' -> sb.append("%25");
                case '.' -> sb.append("%2E");
                case '$' -> sb.append("%24");
                case '\0' -> sb.append("%00");
                default -> sb.append(c);
            }
        }
        return sb.isEmpty() ? "%" : sb.toString();
    }
}
