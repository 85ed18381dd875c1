package io.dealwire.api.mailbox;

import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** A mailbox as the API shows it: everything but the password. */
public record MailboxView(
        String id,
        String name,
        String host,
        int port,
        String security,
        String username,
        List<String> folders,
        LocalDate since,
        String owner,
        boolean shared,
        boolean allowInsecure,
        String pinnedCertificateSha256,
        String state,
        String lastError,
        List<FolderView> folderSync,
        Long messages,
        Instant createdAt) {

    public record FolderView(String folder, long uidValidity, long lastUid, long highestModSeq, long stored, Progress backfill) {
    }

    public record Progress(long done, long total) {
    }

    public static MailboxView of(Mailbox m, Long messages) {
        var folders = m.folderSync().values().stream().sorted(Comparator.comparing(FolderSync::folder))
                .map(f -> new FolderView(f.folder(), f.uidValidity(), f.lastUid(), f.highestModSeq(), f.stored(),
                        new Progress(f.backfillDone(), f.backfillTotal())))
                .toList();
        return new MailboxView(m.id(), m.name(), m.host(), m.port(), m.security().name().toLowerCase(java.util.Locale.ROOT),
                m.username(), m.folders(), m.since(), m.ownerId(), m.shared(), m.allowInsecure(), m.pinnedCertificateSha256(),
                m.state().name().toLowerCase(java.util.Locale.ROOT), m.lastError(), folders, messages, m.createdAt());
    }
}
