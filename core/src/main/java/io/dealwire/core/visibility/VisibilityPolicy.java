package io.dealwire.core.visibility;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.user.User;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who sees what. A rep reads the mail of their own and the shared mailboxes; managers and admins read
 * every mailbox. Two kinds of mail stay with the owners of the mailboxes they are in, whoever asks:
 * private conversations and internal-only mail. Mail of ignored senders is in no CRM view. A deal or a
 * contact is visible to whoever can see at least one of its messages, or owns the deal.
 */
public final class VisibilityPolicy {
    private final List<Mailbox> mailboxes;
    private final Map<String, String> ownerByMailbox;

    public VisibilityPolicy(Collection<Mailbox> mailboxes) {
        this.mailboxes = List.copyOf(mailboxes);
        var owners = new HashMap<String, String>();
        for (var m : mailboxes) if (m.ownerId() != null) owners.put(m.id(), m.ownerId());
        this.ownerByMailbox = Map.copyOf(owners);
    }

    public Viewer viewer(User user) {
        var ids = mailboxes.stream()
                .filter(m -> user.role().seesEverything() || m.shared() || user.id().equals(m.ownerId()))
                .map(Mailbox::id)
                .collect(Collectors.toSet());
        return new Viewer(user.id(), user.role(), ids);
    }

    public boolean canSeeMessage(Viewer viewer, StoredMessage message) {
        return canSeeMessage(viewer, message, ownerByMailbox);
    }

    /** @param mailboxOwners mailbox id → owning user id */
    public static boolean canSeeMessage(Viewer viewer, StoredMessage message, Map<String, String> mailboxOwners) {
        if (message.ignored()) return false;
        if (message.privateConversation() || message.direction() == Direction.INTERNAL) {
            return message.locations().stream().map(MessageLocation::mailboxId)
                    .anyMatch(id -> viewer.userId().equals(mailboxOwners.get(id)));
        }
        if (viewer.role().seesEverything()) return true;
        return message.locations().stream().anyMatch(l -> viewer.mailboxIds().contains(l.mailboxId()));
    }

    /** @param dealMessages the deal's messages */
    public boolean canSeeDeal(Viewer viewer, Deal deal, Collection<StoredMessage> dealMessages) {
        if (viewer.role().seesEverything() || viewer.userId().equals(deal.ownerId())) return true;
        return dealMessages.stream().anyMatch(m -> canSeeMessage(viewer, m));
    }

    /**
     * @param contactMessages messages the contact took part in
     * @param contactDeals    deals of the contact (their person account's, or their company's they took part in)
     */
    public boolean canSeeContact(Viewer viewer, Collection<StoredMessage> contactMessages, Collection<Deal> contactDeals) {
        if (viewer.role().seesEverything()) return true;
        if (contactDeals.stream().anyMatch(d -> viewer.userId().equals(d.ownerId()))) return true;
        return contactMessages.stream().anyMatch(m -> canSeeMessage(viewer, m));
    }
}
