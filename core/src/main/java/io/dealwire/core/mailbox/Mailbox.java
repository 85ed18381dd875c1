package io.dealwire.core.mailbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A connected company mailbox.
 *
 * @param encryptedPassword the password encrypted at rest (never returned by the API, never logged)
 * @param folders            folders to sync; empty = INBOX and the sent folder found on the server
 * @param since              backfill lower bound, or null for everything
 * @param shared             visible to the whole team, else to its owner only
 * @param pinnedCertificateSha256 trust a self-signed server by this certificate fingerprint (hex)
 */
public record Mailbox(
        String id,
        String name,
        String host,
        int port,
        Security security,
        String username,
        String encryptedPassword,
        List<String> folders,
        LocalDate since,
        String ownerId,
        boolean shared,
        boolean allowInsecure,
        String pinnedCertificateSha256,
        SyncState state,
        String lastError,
        Map<String, FolderSync> folderSync,
        Instant createdAt) {

    public Mailbox {
        Objects.requireNonNull(id, "id");
        folders = List.copyOf(folders == null ? List.of() : folders);
        folderSync = Map.copyOf(folderSync == null ? Map.of() : folderSync);
        state = state == null ? SyncState.CONNECTING : state;
    }

    public Mailbox withState(SyncState state, String lastError) {
        return new Mailbox(id, name, host, port, security, username, encryptedPassword, folders, since, ownerId, shared,
                allowInsecure, pinnedCertificateSha256, state, lastError, folderSync, createdAt);
    }

    public Mailbox withFolder(FolderSync sync) {
        var map = new java.util.HashMap<>(folderSync);
        map.put(sync.folder(), sync);
        return new Mailbox(id, name, host, port, security, username, encryptedPassword, folders, since, ownerId, shared,
                allowInsecure, pinnedCertificateSha256, state, lastError, map, createdAt);
    }
}
