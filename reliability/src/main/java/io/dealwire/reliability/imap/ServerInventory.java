package io.dealwire.reliability.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the IMAP server holds, read straight from it (not through the proxy under test): per folder its
 * UIDVALIDITY and, per UID, the Message-ID header. The reference every scenario compares the store with.
 */
public record ServerInventory(Map<String, FolderContent> folders) {

    public record FolderContent(long uidValidity, Map<Long, String> messageIdByUid) {
    }

    public long messageCount() {
        return folders.values().stream().mapToLong(f -> f.messageIdByUid().size()).sum();
    }

    public static ServerInventory read(String host, int port, String user, String password, List<String> folderNames) {
        jakarta.mail.Store store;
        try {
            store = session().getStore("imap");
        } catch (jakarta.mail.NoSuchProviderException e) {
            throw new IllegalStateException("no IMAP provider on the class path", e);
        }
        try {
            store.connect(host, port, user, password);
            var out = new LinkedHashMap<String, FolderContent>();
            for (var name : folderNames) {
                var folder = store.getFolder(name);
                folder.open(Folder.READ_ONLY);
                try {
                    var uidFolder = (UIDFolder) folder;
                    var messages = folder.getMessages();
                    var profile = new FetchProfile();
                    profile.add(UIDFolder.FetchProfileItem.UID);
                    profile.add("Message-ID");
                    folder.fetch(messages, profile);
                    var ids = new TreeMap<Long, String>();
                    for (var m : messages) {
                        var header = m.getHeader("Message-ID");
                        ids.put(uidFolder.getUID(m), header == null || header.length == 0 ? null : header[0].trim());
                    }
                    out.put(name, new FolderContent(uidFolder.getUIDValidity(), ids));
                } finally {
                    folder.close(false);
                }
            }
            return new ServerInventory(out);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the folders of " + user + "@" + host + ":" + port + ": " + e.getMessage(), e);
        } finally {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // closing after a read: nothing left to lose
            }
        }
    }

    /** Every selectable folder of the account, for the full-corpus runs. */
    public static List<String> listFolders(String host, int port, String user, String password) {
        jakarta.mail.Store store;
        try {
            store = session().getStore("imap");
        } catch (jakarta.mail.NoSuchProviderException e) {
            throw new IllegalStateException("no IMAP provider on the class path", e);
        }
        try {
            store.connect(host, port, user, password);
            var names = new ArrayList<String>();
            for (var f : store.getDefaultFolder().list("*")) {
                if ((f.getType() & Folder.HOLDS_MESSAGES) != 0 && !f.getFullName().equalsIgnoreCase("INBOX")) names.add(f.getFullName());
            }
            return names;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot list the folders of " + user + "@" + host + ":" + port + ": " + e.getMessage(), e);
        } finally {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // closing after a read: nothing left to lose
            }
        }
    }

    private static Session session() {
        var props = new Properties();
        props.setProperty("mail.imap.connectiontimeout", "10000");
        props.setProperty("mail.imap.timeout", "60000");
        return Session.getInstance(props);
    }
}
