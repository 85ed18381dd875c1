package io.dealwire.core.mailbox;

import java.util.List;
import java.util.Optional;

public interface MailboxRepository {
    Optional<Mailbox> find(String id);

    List<Mailbox> list();

    Mailbox save(Mailbox mailbox);

    /** Stores one folder's checkpoint without touching the rest of the mailbox. */
    void saveFolder(String mailboxId, FolderSync sync);

    /** Stores the state and last error without touching the rest of the mailbox. */
    void saveState(String mailboxId, SyncState state, String lastError);

    void delete(String id);
}
