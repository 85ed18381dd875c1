package io.dealwire.core.visibility;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.fixture.TestMail;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class VisibilityPolicyTest {
    private static Mailbox mailbox(String id, String owner, boolean shared) {
        return new Mailbox(id, id, "imap.example", 993, Security.TLS, id + "@northwind.example", "enc", List.of(), null, owner, shared,
                false, null, null, null, null, Instant.EPOCH);
    }

    private final VisibilityPolicy policy = new VisibilityPolicy(List.of(
            mailbox("mb-ana", "ana", false), mailbox("mb-ben", "ben", false), mailbox("mb-sales", "max", true)));
    private final User ana = new User("ana", "Ana", "ana@northwind.example", Role.REP, null, Instant.EPOCH);
    private final User ben = new User("ben", "Ben", "ben@northwind.example", Role.REP, null, Instant.EPOCH);
    private final User max = new User("max", "Max", "max@northwind.example", Role.MANAGER, null, Instant.EPOCH);

    private static StoredMessage in(String mailbox, Direction direction) {
        var mail = TestMail.id("m-" + mailbox + direction).from("kim@customer.example").to("ana@northwind.example").subject("Hello").build();
        return StoredMessage.of(mail).withLocation(new MessageLocation(mailbox, "INBOX", 1, 1, false)).with(b -> b.direction = direction);
    }

    @Test
    void repsSeeTheirOwnAndSharedMailboxesManagersSeeAll() {
        assertEquals(Set.of("mb-ana", "mb-sales"), policy.viewer(ana).mailboxIds());
        assertEquals(Set.of("mb-ana", "mb-ben", "mb-sales"), policy.viewer(max).mailboxIds());
        assertTrue(policy.canSeeMessage(policy.viewer(ana), in("mb-sales", Direction.INBOUND)));
        assertFalse(policy.canSeeMessage(policy.viewer(ana), in("mb-ben", Direction.INBOUND)));
        assertTrue(policy.canSeeMessage(policy.viewer(max), in("mb-ben", Direction.INBOUND)));
    }

    @Test
    void privateAndInternalMailStayWithTheirMailboxOwnersEvenForManagers() {
        var internal = in("mb-ben", Direction.INTERNAL);
        assertTrue(policy.canSeeMessage(policy.viewer(ben), internal));
        assertFalse(policy.canSeeMessage(policy.viewer(max), internal));
        var sharedInternal = in("mb-sales", Direction.INTERNAL);
        assertFalse(policy.canSeeMessage(policy.viewer(ana), sharedInternal), "a shared mailbox's internal mail is its owner's");
        assertTrue(policy.canSeeMessage(policy.viewer(max), sharedInternal));
        var secret = in("mb-ana", Direction.INBOUND).with(b -> b.privateConversation = true);
        assertTrue(policy.canSeeMessage(policy.viewer(ana), secret));
        assertFalse(policy.canSeeMessage(policy.viewer(max), secret));
        var ignored = in("mb-ana", Direction.INBOUND).with(b -> b.ignored = true);
        assertFalse(policy.canSeeMessage(policy.viewer(ana), ignored));
    }

    @Test
    void dealsAndContactsFollowTheirMessagesOrOwnership() {
        var deal = new Deal("d1", "Customer – Seats", "default", "contacted", "co1", null, "ben", 0, null, Instant.EPOCH, Instant.EPOCH, false);
        var bensMail = List.of(in("mb-ben", Direction.INBOUND));
        assertFalse(policy.canSeeDeal(policy.viewer(ana), deal, bensMail));
        assertTrue(policy.canSeeDeal(policy.viewer(ben), deal, List.of()), "the owner sees their deal");
        assertTrue(policy.canSeeDeal(policy.viewer(ana), deal, List.of(in("mb-sales", Direction.INBOUND))));
        assertTrue(policy.canSeeDeal(policy.viewer(max), deal, bensMail));
        assertFalse(policy.canSeeContact(policy.viewer(ana), bensMail, List.of()));
        assertTrue(policy.canSeeContact(policy.viewer(ana), List.of(in("mb-ana", Direction.OUTBOUND)), List.of()));
        assertTrue(policy.canSeeContact(policy.viewer(ben), List.of(), List.of(deal)));
    }
}
