package io.dealwire.core.store;

import io.dealwire.core.company.Company;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.correction.AuditRecord;
import io.dealwire.core.correction.ConversationPin;
import io.dealwire.core.correction.IgnoreRule;
import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.Evidence;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.InferenceMode;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.SalesModel;
import io.dealwire.core.pipeline.Stage;
import io.dealwire.core.pipeline.StageKind;
import io.dealwire.core.user.ApiToken;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The behaviour every {@link Store} adapter must have. Each adapter's test extends this class and
 * returns a fresh, empty store from {@link #newStore()}.
 */
public abstract class StoreContract {
    protected Store store;

    protected abstract Store newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    public static MailMessage mail(String id, String messageId, String subject, Instant date) {
        return new MailMessage(id, messageId, null, List.of(), subject, new EmailAddress("dana@acme.example", "Dana Smith"),
                List.of(EmailAddress.of("rep@ours.example")), List.of(), date, "Hello " + subject, "Hello " + subject,
                "", "", List.of(), null, null, List.of(), "hash-" + id, 100);
    }

    @Test
    void savedMessageIsFoundByIdMessageIdConversationDealAndMailbox() {
        var m = StoredMessage.of(mail("m1", "abc@acme.example", "Pricing", Instant.parse("2025-03-01T10:00:00Z")))
                .with(b -> { b.conversationId = "c1"; b.dealId = "d1"; })
                .withLocation(new MessageLocation("mb1", "INBOX", 7, 42, false));
        var saved = store.messages().save(m);
        assertTrue(saved.seq() > 0);
        assertEquals("Pricing", store.messages().find("m1").orElseThrow().mail().subject());
        assertEquals(1, store.messages().findByMessageId("abc@acme.example").size());
        assertEquals(1, store.messages().findByConversation("c1").size());
        assertEquals(1, store.messages().findByDeal("d1").size());
        assertEquals(1, store.messages().findByMailbox("mb1", "INBOX").size());
        assertEquals(0, store.messages().findByMailbox("mb1", "Sent").size());
        assertEquals(new MessageLocation("mb1", "INBOX", 7, 42, false), store.messages().find("m1").orElseThrow().locations().getFirst());
        assertEquals(Instant.parse("2025-03-01T10:00:00Z"), store.messages().find("m1").orElseThrow().mail().date());
    }

    @Test
    void savingTwiceKeepsOneMessageAndAdvancesItsSeq() {
        var m = StoredMessage.of(mail("m1", "abc@x", "A", Instant.parse("2025-03-01T10:00:00Z")));
        var first = store.messages().save(m);
        var second = store.messages().save(m.with(b -> b.dealId = "d2"));
        assertEquals(1, store.messages().count());
        assertTrue(second.seq() > first.seq());
        assertEquals(second.seq(), store.messages().lastSeq());
        assertEquals(List.of("m1"), store.messages().changedSince(first.seq(), 10).stream().map(StoredMessage::id).toList());
        assertEquals(List.of(), store.messages().changedSince(second.seq(), 10));
    }

    @Test
    void changedSinceReturnsWritesInOrderAndHonoursTheLimit() {
        for (int i = 1; i <= 5; i++)
            store.messages().save(StoredMessage.of(mail("m" + i, "id" + i + "@x", "S" + i, Instant.parse("2025-03-01T10:00:00Z"))));
        var page = store.messages().changedSince(0, 3);
        assertEquals(List.of("m1", "m2", "m3"), page.stream().map(StoredMessage::id).toList());
        var rest = store.messages().changedSince(page.getLast().seq(), 10);
        assertEquals(List.of("m4", "m5"), rest.stream().map(StoredMessage::id).toList());
    }

    @Test
    void saveAllWritesABatchWithIncreasingSeqsAndLaterCopiesWin() {
        store.messages().save(StoredMessage.of(mail("m0", "id0@x", "Before", Instant.parse("2025-03-01T09:00:00Z"))));
        var batch = List.of(
                StoredMessage.of(mail("m1", "id1@x", "One", Instant.parse("2025-03-01T10:00:00Z"))).with(b -> b.conversationId = "c1"),
                StoredMessage.of(mail("m2", "id2@x", "Two", Instant.parse("2025-03-01T11:00:00Z"))).with(b -> b.conversationId = "c1"),
                StoredMessage.of(mail("m0", "id0@x", "Before", Instant.parse("2025-03-01T09:00:00Z"))).with(b -> b.dealId = "d9"),
                StoredMessage.of(mail("m1", "id1@x", "One", Instant.parse("2025-03-01T10:00:00Z"))).with(b -> { b.conversationId = "c1"; b.dealId = "d9"; }));
        var saved = store.messages().saveAll(batch);
        assertEquals(4, saved.size());
        for (int i = 1; i < saved.size(); i++) assertTrue(saved.get(i).seq() > saved.get(i - 1).seq());
        assertEquals(3, store.messages().count());
        assertEquals(saved.getLast().seq(), store.messages().lastSeq());
        assertEquals(List.of("m0", "m1"), store.messages().findByDeal("d9").stream().map(StoredMessage::id).toList());
        assertEquals(List.of("m1", "m2"), store.messages().findByConversation("c1").stream().map(StoredMessage::id).toList());
        assertEquals(List.of("m2", "m0", "m1"), store.messages().changedSince(0, 10).stream().map(StoredMessage::id).toList());
        assertEquals(List.of(), store.messages().saveAll(List.of()));
    }

    @Test
    void aDealsMessagesWithinADateWindowAndItsLatestOnes() {
        var day = Instant.parse("2025-03-01T10:00:00Z");
        for (int i = 0; i < 10; i++) {
            int n = i;
            store.messages().save(StoredMessage.of(mail("m" + i, "id" + i + "@x", "S" + i, day.plus(java.time.Duration.ofDays(n))))
                    .with(b -> b.dealId = n % 2 == 0 ? "even" : "odd"));
        }
        store.messages().save(StoredMessage.of(mail("undated", "u@x", "U", null)).with(b -> b.dealId = "even"));
        store.messages().save(StoredMessage.of(mail("m4b", "id4b@x", "S4b", day.plus(java.time.Duration.ofDays(4)))).with(b -> b.dealId = "even"));

        // both ends included, ties in date by id, undated messages in no window
        assertEquals(List.of("m2", "m4", "m4b", "m6"), ids(store.messages().findByDealBetween("even",
                day.plus(java.time.Duration.ofDays(2)), day.plus(java.time.Duration.ofDays(6)))));
        assertEquals(List.of("m4", "m4b"), ids(store.messages().findByDealBetween("even",
                day.plus(java.time.Duration.ofDays(3)), day.plus(java.time.Duration.ofDays(5)))));
        assertEquals(List.of(), ids(store.messages().findByDealBetween("even",
                day.plus(java.time.Duration.ofDays(20)), day.plus(java.time.Duration.ofDays(30)))));
        assertEquals(List.of(), ids(store.messages().findByDealBetween("none", day, day.plus(java.time.Duration.ofDays(30)))));

        // the tail of findByDeal: newest last, undated count as oldest
        assertEquals(List.of("m4b", "m6", "m8"), ids(store.messages().latestByDeal("even", 3)));
        assertEquals(List.of("m9"), ids(store.messages().latestByDeal("odd", 1)));
        assertEquals(ids(store.messages().findByDeal("even")), ids(store.messages().latestByDeal("even", 100)));
        assertEquals("undated", store.messages().latestByDeal("even", 100).getFirst().id());
        assertEquals(List.of(), store.messages().latestByDeal("even", 0));
        assertEquals(List.of(), store.messages().latestByDeal("none", 5));

        // a message that moves to another deal or another date moves in both lookups
        store.messages().save(store.messages().find("m8").orElseThrow().with(b -> b.dealId = "odd"));
        store.messages().save(StoredMessage.of(mail("m2", "id2@x", "S2", day.plus(java.time.Duration.ofDays(40)))).with(b -> b.dealId = "even"));
        assertEquals(List.of("m4b", "m6", "m2"), ids(store.messages().latestByDeal("even", 3)));
        assertEquals(List.of("m7", "m8", "m9"), ids(store.messages().latestByDeal("odd", 3)));
        assertEquals(List.of("m4", "m4b", "m6"), ids(store.messages().findByDealBetween("even",
                day.plus(java.time.Duration.ofDays(2)), day.plus(java.time.Duration.ofDays(6)))));
        store.messages().delete("m6");
        assertEquals(List.of("m4", "m4b"), ids(store.messages().findByDealBetween("even",
                day.plus(java.time.Duration.ofDays(2)), day.plus(java.time.Duration.ofDays(6)))));
    }

    private static List<String> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::id).toList();
    }

    @Test
    void mailboxCountsAndLocationsWithoutContent() {
        store.messages().save(StoredMessage.of(mail("m1", "a@x", "A", Instant.parse("2025-03-01T10:00:00Z")))
                .withLocation(new MessageLocation("mb1", "INBOX", 7, 1, false))
                .withLocation(new MessageLocation("mb2", "Sent", 3, 9, false)));
        store.messages().save(StoredMessage.of(mail("m2", "b@x", "B", Instant.parse("2025-03-01T11:00:00Z")))
                .withLocation(new MessageLocation("mb1", "Archive", 8, 2, true)));
        store.messages().save(StoredMessage.of(mail("m3", "c@x", "C", Instant.parse("2025-03-01T12:00:00Z")))
                .withLocation(new MessageLocation("mb2", "INBOX", 4, 5, false)));
        assertEquals(2, store.messages().countByMailbox("mb1", null));
        assertEquals(1, store.messages().countByMailbox("mb1", "INBOX"));
        assertEquals(0, store.messages().countByMailbox("mb9", null));
        var locations = store.messages().locationsByMailbox("mb1", null);
        assertEquals(List.of("m1", "m2"), List.copyOf(locations.keySet()));
        assertEquals(List.of(new MessageLocation("mb1", "INBOX", 7, 1, false), new MessageLocation("mb2", "Sent", 3, 9, false)),
                locations.get("m1"));
        assertEquals(List.of(new MessageLocation("mb1", "Archive", 8, 2, true)), locations.get("m2"));
        assertEquals(List.of("m3"), List.copyOf(store.messages().locationsByMailbox("mb2", "INBOX").keySet()));
        assertTrue(store.messages().locationsByMailbox("mb2", "Archive").isEmpty());
    }

    @Test
    void messagesSharingAMessageIdAreAllKept() {
        store.messages().save(StoredMessage.of(mail("m1", "same@x", "One", Instant.parse("2025-03-01T10:00:00Z"))));
        store.messages().save(StoredMessage.of(mail("m2", "same@x", "Two", Instant.parse("2025-03-02T10:00:00Z"))));
        assertEquals(2, store.messages().findByMessageId("same@x").size());
        store.messages().delete("m1");
        assertEquals(1, store.messages().count());
    }

    @Test
    void contactsAreFoundByAnyOfTheirAddresses() {
        store.contacts().save(new Contact("p1", "Dana Smith", List.of("dana@acme.example", "d.smith@acme.example"), "CFO",
                List.of("+33612345678"), "co1", List.of(), "", Instant.parse("2025-01-01T00:00:00Z")));
        assertEquals("p1", store.contacts().findByEmail("D.Smith@acme.example").orElseThrow().id());
        assertEquals(1, store.contacts().findByCompany("co1").size());
        assertEquals("CFO", store.contacts().find("p1").orElseThrow().title());
        store.contacts().delete("p1");
        assertTrue(store.contacts().findByEmail("dana@acme.example").isEmpty());
    }

    @Test
    void companiesAreFoundByDomain() {
        store.companies().save(new Company("co1", "Acme", List.of("acme.co.uk"), Instant.parse("2025-01-01T00:00:00Z")));
        assertEquals("Acme", store.companies().findByDomain("acme.co.uk").orElseThrow().name());
        assertTrue(store.companies().findByDomain("other.com").isEmpty());
        assertEquals(1, store.companies().count());
    }

    @Test
    void dealsAndTheirStageHistoryRoundTrip() {
        var deal = new Deal("d1", "Acme renewal", "default", "proposal", "co1", null, "u1", 12000, "EUR",
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"), false);
        store.deals().save(deal);
        assertEquals(deal, store.deals().find("d1").orElseThrow());
        assertEquals(1, store.deals().findByCompany("co1").size());
        store.deals().saveChange(new StageChange("s2", "d1", "qualified", "proposal", Instant.parse("2025-02-01T00:00:00Z"),
                ChangeMode.AUTO, new Evidence("m3", "proposal.attachment", "Please find our quote attached.", 0.9), null, null));
        store.deals().saveChange(new StageChange("s1", "d1", "contacted", "qualified", Instant.parse("2025-01-15T00:00:00Z"),
                ChangeMode.PERSON, null, "u1", null));
        var history = store.deals().changes("d1");
        assertEquals(List.of("s1", "s2"), history.stream().map(StageChange::id).toList());
        assertEquals("Please find our quote attached.", history.get(1).evidence().quote());
        assertEquals(StageChange.Status.APPLIED, history.get(1).status());
    }

    @Test
    void contactsCompaniesDealsAndHistoryAreSavedInBulkAndLaterCopiesWin() {
        var at = Instant.parse("2025-01-01T00:00:00Z");
        store.contacts().save(new Contact("p0", "Old Name", List.of("old@acme.example"), "", List.of(), null, List.of(), "", at));
        var contacts = store.contacts().saveAll(List.of(
                new Contact("p1", "Dana Smith", List.of("dana@acme.example"), "", List.of(), "co1", List.of(), "", at),
                new Contact("p0", "Olga Ng", List.of("old@acme.example", "olga@acme.example"), "", List.of(), "co1", List.of(), "", at),
                new Contact("p1", "Dana Smith", List.of("dana@acme.example", "d.smith@acme.example"), "CFO", List.of(), "co1", List.of(), "", at)));
        assertEquals(3, contacts.size());
        assertEquals(2, store.contacts().count());
        assertEquals("CFO", store.contacts().findByEmail("d.smith@acme.example").orElseThrow().title(), "the later copy of p1 won");
        assertEquals("Olga Ng", store.contacts().findByEmail("olga@acme.example").orElseThrow().name(), "a stored contact is replaced");
        assertEquals(List.of("p0", "p1"), store.contacts().findByCompany("co1").stream().map(Contact::id).toList());
        assertEquals(List.of(), store.contacts().saveAll(List.of()));

        store.companies().saveAll(List.of(new Company("co1", "Acme", List.of("acme.example"), at),
                new Company("co2", "Globex", List.of("globex.example"), at),
                new Company("co1", "Acme SA", List.of("acme.example", "acme.fr"), at)));
        assertEquals(2, store.companies().count());
        assertEquals("Acme SA", store.companies().findByDomain("acme.fr").orElseThrow().name());
        assertEquals("co2", store.companies().findByDomain("globex.example").orElseThrow().id());

        var d1 = new Deal("d1", "Acme", "default", "contacted", "co1", null, "u1", 0, "EUR", at, at, false);
        var d2 = new Deal("d2", "Dana", "default", "contacted", null, "p1", "u1", 0, "EUR", at, at, false);
        store.deals().saveAll(List.of(d1, d2, d1.withStage("qualified", at.plusSeconds(60), false)));
        assertEquals(2, store.deals().count());
        assertEquals("qualified", store.deals().find("d1").orElseThrow().stageId());
        assertEquals(List.of("d1"), store.deals().findByCompany("co1").stream().map(Deal::id).toList());
        assertEquals(List.of("d2"), store.deals().findByPerson("p1").stream().map(Deal::id).toList());

        var later = new StageChange("s2", "d1", "qualified", "proposal", at.plusSeconds(120), ChangeMode.SUGGESTED, null, null, null);
        store.deals().saveChanges(List.of(
                new StageChange("s1", "d1", "contacted", "qualified", at.plusSeconds(60), ChangeMode.AUTO, null, null, null),
                later, later.withStatus(StageChange.Status.DISMISSED),
                new StageChange("s3", "d2", "contacted", "qualified", at.plusSeconds(60), ChangeMode.AUTO, null, null, null)));
        var history = store.deals().changes("d1");
        assertEquals(List.of("s1", "s2"), history.stream().map(StageChange::id).toList());
        assertEquals(StageChange.Status.DISMISSED, history.get(1).status(), "the later copy of s2 won");
        assertEquals(List.of("s3"), store.deals().changes("d2").stream().map(StageChange::id).toList());
    }

    @Test
    void pipelinesRoundTrip() {
        var p = new Pipeline("default", "Default", SalesModel.DEFAULT, List.of(
                new Stage("contacted", "Contacted", StageKind.OPEN, 0.1, 14, false),
                new Stage("won", "Won", StageKind.WON, 1, 0, false)), InferenceMode.SUGGEST);
        store.pipelines().save(p);
        assertEquals(p, store.pipelines().find("default").orElseThrow());
        assertEquals(1, store.pipelines().list().size());
    }

    @Test
    void mailboxFolderCheckpointsAndStateAreSavedSeparately() {
        var mb = new Mailbox("mb1", "Sales", "imap.example", 993, Security.TLS, "sales", "enc:xyz", List.of("INBOX"),
                LocalDate.parse("2024-01-01"), "u1", true, false, null, SyncState.CONNECTING, null, Map.of(),
                Instant.parse("2025-01-01T00:00:00Z"));
        store.mailboxes().save(mb);
        store.mailboxes().saveFolder("mb1", new FolderSync("INBOX", 7, 420, 99, 1, 400, 400, 400));
        store.mailboxes().saveState("mb1", SyncState.IDLE, null);
        var back = store.mailboxes().find("mb1").orElseThrow();
        assertEquals(SyncState.IDLE, back.state());
        assertEquals(420, back.folderSync().get("INBOX").lastUid());
        assertEquals("enc:xyz", back.encryptedPassword());
        assertEquals(LocalDate.parse("2024-01-01"), back.since());
        store.mailboxes().delete("mb1");
        assertTrue(store.mailboxes().list().isEmpty());
    }

    @Test
    void usersAndTokens() {
        store.users().save(new User("u1", "Ada", "Ada@Ours.example", Role.ADMIN, null, Instant.parse("2025-01-01T00:00:00Z")));
        assertEquals("u1", store.users().findByEmail("ada@ours.example").orElseThrow().id());
        store.users().saveToken(new ApiToken("t1", "u1", "h1", "cli", Instant.parse("2025-01-01T00:00:00Z"), null));
        assertTrue(store.users().findTokenByHash("h1").orElseThrow().active());
        store.users().saveToken(new ApiToken("t1", "u1", "h1", "cli", Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z")));
        assertFalse(store.users().findTokenByHash("h1").orElseThrow().active());
        assertEquals(1, store.users().tokens("u1").size());
        assertEquals(1, store.users().count());
    }

    @Test
    void ignoredFlagOfAMessageRoundTrips() {
        store.messages().save(StoredMessage.of(mail("m1", "abc@x", "Dimanche", Instant.parse("2025-03-01T10:00:00Z"))).with(b -> b.ignored = true));
        assertTrue(store.messages().find("m1").orElseThrow().ignored());
    }

    @Test
    void conversationPinsReplaceEachOtherAndAreFoundByDeal() {
        store.pins().save(new ConversationPin("c1", "d1", "u1", Instant.parse("2025-03-01T10:00:00Z")));
        store.pins().save(new ConversationPin("c1", "d2", "u1", Instant.parse("2025-03-02T10:00:00Z")));
        store.pins().save(new ConversationPin("c2", "d2", "u1", Instant.parse("2025-03-02T10:00:00Z")));
        assertEquals("d2", store.pins().find("c1").orElseThrow().dealId());
        assertEquals(List.of("c1", "c2"), store.pins().findByDeal("d2").stream().map(ConversationPin::conversationId).toList());
        assertTrue(store.pins().findByDeal("d1").isEmpty());
        store.pins().delete("c1");
        assertTrue(store.pins().find("c1").isEmpty());
    }

    @Test
    void ignoreRulesRoundTrip() {
        store.ignoreRules().save(new IgnoreRule("r1", IgnoreRule.Kind.DOMAIN, "Famille.example", "u1", Instant.parse("2025-03-01T10:00:00Z")));
        store.ignoreRules().save(new IgnoreRule("r2", IgnoreRule.Kind.SENDER, "friend@gmail.example", "u1", Instant.parse("2025-03-01T10:00:00Z")));
        assertEquals(List.of("r1", "r2"), store.ignoreRules().list().stream().map(IgnoreRule::id).toList());
        assertEquals("famille.example", store.ignoreRules().list().getFirst().value());
        store.ignoreRules().delete("r1");
        assertEquals(1, store.ignoreRules().list().size());
    }

    @Test
    void auditRecordsAreKeptInOrder() {
        store.audit().append(new AuditRecord("a1", "contact.erased", "p1", "u1", Instant.parse("2025-03-01T10:00:00Z"), "messages=3"));
        store.audit().append(new AuditRecord("a2", "contact.erased", "p2", "u1", Instant.parse("2025-03-02T10:00:00Z"), "messages=1"));
        assertEquals(List.of("a1", "a2"), store.audit().list().stream().map(AuditRecord::id).toList());
        assertEquals("messages=3", store.audit().list().getFirst().detail());
    }
}
