package io.dealwire.ingest.sync;

import io.dealwire.core.mailbox.Security;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.util.List;

/** Logs in to an IMAP server and lists its folders without saving anything: {@code POST /api/mailboxes/test}. */
public final class MailboxProbe {

    /** What the server has: every folder, and the ones Dealwire would sync by default. */
    public record Result(List<String> folders, List<String> defaultFolders) {
    }

    private MailboxProbe() {
    }

    /** {@link #probe} with default timeouts, returning the folder names. */
    public static List<String> test(String host, int port, Security security, String username, String password,
                                    boolean allowInsecure, String pinnedSha256) throws MailboxConnectException {
        return probe(SyncSettings.defaults(), host, port, security, username, password, allowInsecure, pinnedSha256).folders();
    }

    public static Result probe(SyncSettings settings, String host, int port, Security security, String username,
                               String password, boolean allowInsecure, String pinnedSha256) throws MailboxConnectException {
        var endpoint = new ImapConnector.Endpoint(host, port, security, username, allowInsecure, pinnedSha256);
        IMAPStore store = new ImapConnector(settings).connect(endpoint, password);
        try {
            var folders = FolderResolver.list(store);
            return new Result(folders.stream().map(FolderResolver.ServerFolder::name).toList(), FolderResolver.defaults(folders));
        } catch (MessagingException e) {
            throw ImapConnector.classify(endpoint, e);
        } finally {
            ImapConnector.closeQuietly(store);
        }
    }
}
