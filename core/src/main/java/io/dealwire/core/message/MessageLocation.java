package io.dealwire.core.message;

/**
 * Where a copy of a message lives: (mailbox, folder, UIDVALIDITY, UID) is its identity on the server.
 * {@code gone} is set when the server expunged it; the message itself stays in the CRM.
 */
public record MessageLocation(String mailboxId, String folder, long uidValidity, long uid, boolean gone) {
    public boolean sameSlot(MessageLocation other) {
        return mailboxId.equals(other.mailboxId) && folder.equals(other.folder)
                && uidValidity == other.uidValidity && uid == other.uid;
    }

    public MessageLocation markGone() {
        return new MessageLocation(mailboxId, folder, uidValidity, uid, true);
    }
}
