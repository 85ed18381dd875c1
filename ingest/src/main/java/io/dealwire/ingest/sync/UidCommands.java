package io.dealwire.ingest.sync;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw UID commands sync needs, issued on an open folder: one round trip per batch instead of
 * one per message, and {@code BODY.PEEK[]} so reading never sets \Seen.
 */
final class UidCommands {

    /** One fetched message: its UID and raw RFC 5322 bytes. */
    record RawMessage(long uid, byte[] bytes) {
    }

    private UidCommands() {
    }

    /** UIDs matching a UID SEARCH criteria string, ascending. */
    static long[] search(IMAPFolder folder, String criteria) throws MessagingException {
        return (long[]) folder.doCommand(p -> {
            Response[] r = p.command("UID SEARCH " + criteria, null);
            var out = new ArrayList<Long>();
            for (Response response : r) {
                if (response instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                    long n;
                    while ((n = ir.readLong()) != -1) out.add(n);
                }
            }
            p.notifyResponseHandlers(r);
            p.handleResult(r[r.length - 1]);
            long[] uids = out.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(uids);
            return uids;
        });
    }

    /** RFC822.SIZE of each UID of the set, in server order. */
    static Map<Long, Long> sizes(IMAPFolder folder, String uidSet) throws MessagingException {
        @SuppressWarnings("unchecked")
        var sizes = (Map<Long, Long>) folder.doCommand(p -> {
            Response[] r = p.command("UID FETCH " + uidSet + " (UID RFC822.SIZE)", null);
            var out = new LinkedHashMap<Long, Long>();
            for (Response response : r) {
                if (response instanceof FetchResponse fr) {
                    UID uid = fr.getItem(UID.class);
                    RFC822SIZE size = fr.getItem(RFC822SIZE.class);
                    if (uid != null) out.put(uid.uid, size == null ? 0L : size.size);
                }
            }
            p.notifyResponseHandlers(r);
            p.handleResult(r[r.length - 1]);
            return out;
        });
        return sizes;
    }

    /** The raw bytes of each UID of the set that still exists (expunged ones, even while fetched, are absent). */
    static List<RawMessage> bodies(IMAPFolder folder, String uidSet) throws MessagingException {
        @SuppressWarnings("unchecked")
        var messages = (List<RawMessage>) folder.doCommand(p -> {
            Response[] r = p.command("UID FETCH " + uidSet + " (UID BODY.PEEK[])", null);
            var out = new ArrayList<RawMessage>();
            for (Response response : r) {
                if (response instanceof FetchResponse fr) {
                    UID uid = fr.getItem(UID.class);
                    BODY body = fr.getItem(BODY.class);
                    ByteArray bytes = body == null ? null : body.getByteArray();
                    // A message expunged by another session after this one last heard from the server comes back
                    // without content (Dovecot answers NIL or an empty literal; no server stores a zero-byte
                    // message): left out like one already gone, so it is never stored as an empty message.
                    if (uid != null && bytes != null && bytes.getCount() > 0) out.add(new RawMessage(uid.uid, bytes.getNewBytes()));
                }
            }
            p.notifyResponseHandlers(r);
            p.handleResult(r[r.length - 1]);
            return out;
        });
        return messages;
    }

    /** "1:3,7,9:10" for sorted UIDs. */
    static String uidSet(long[] sortedUids) {
        var sb = new StringBuilder();
        int i = 0;
        while (i < sortedUids.length) {
            int j = i;
            while (j + 1 < sortedUids.length && sortedUids[j + 1] == sortedUids[j] + 1) j++;
            if (!sb.isEmpty()) sb.append(',');
            sb.append(sortedUids[i]);
            if (j > i) sb.append(':').append(sortedUids[j]);
            i = j + 1;
        }
        return sb.toString();
    }
}
