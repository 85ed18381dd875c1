package io.dealwire.ingest.sync;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lists a server's folders and finds the default ones to sync: INBOX and the sent folder. */
final class FolderResolver {
    /** Usual names of the sent folder, in order of preference, when the server does not flag it \Sent. */
    static final List<String> SENT_NAMES = List.of("Sent", "Sent Items", "Sent Messages", "Éléments envoyés",
            "[Gmail]/Sent Mail", "INBOX.Sent", "INBOX/Sent", "Envoyés", "Gesendete Elemente", "Gesendet");

    record ServerFolder(String name, List<String> attributes, boolean selectable) {
    }

    private FolderResolver() {
    }

    static List<ServerFolder> list(IMAPStore store) throws MessagingException {
        var out = new ArrayList<ServerFolder>();
        for (Folder f : store.getDefaultFolder().list("*")) {
            var attributes = f instanceof IMAPFolder imap ? List.of(imap.getAttributes()) : List.<String>of();
            boolean selectable = (f.getType() & Folder.HOLDS_MESSAGES) != 0;
            out.add(new ServerFolder(f.getFullName(), attributes, selectable));
        }
        return out;
    }

    /** INBOX plus the sent folder (SPECIAL-USE \Sent, else the first usual name present), if any. */
    static List<String> defaults(List<ServerFolder> folders) {
        var out = new ArrayList<String>();
        out.add("INBOX");
        String sent = null;
        for (ServerFolder f : folders) {
            if (f.selectable() && f.attributes().stream().anyMatch(a -> a.equalsIgnoreCase("\\Sent"))) {
                sent = f.name();
                break;
            }
        }
        for (int i = 0; sent == null && i < SENT_NAMES.size(); i++) {
            String wanted = SENT_NAMES.get(i);
            for (ServerFolder f : folders) {
                if (f.selectable() && f.name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                    sent = f.name();
                    break;
                }
            }
        }
        if (sent != null && !sent.equalsIgnoreCase("INBOX")) out.add(sent);
        return out;
    }
}
