package io.dealwire.core.mailbox;

/**
 * A folder's checkpoint. {@code lastUid} only advances after every message up to it is durably stored.
 * Backfill runs newest first: {@code backfillLowUid} is the lowest UID fetched so far (0 = not started).
 */
public record FolderSync(
        String folder,
        long uidValidity,
        long lastUid,
        long highestModSeq,
        long backfillLowUid,
        long stored,
        long backfillDone,
        long backfillTotal) {

    public static FolderSync empty(String folder) {
        return new FolderSync(folder, 0, 0, 0, 0, 0, 0, 0);
    }

    public boolean backfillComplete() {
        return backfillTotal > 0 ? backfillDone >= backfillTotal : uidValidity != 0;
    }
}
