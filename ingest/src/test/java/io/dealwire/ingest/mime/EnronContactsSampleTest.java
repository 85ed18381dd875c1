package io.dealwire.ingest.mime;

import io.dealwire.core.contact.Contact;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.inference.RuleBasedStageInference;
import io.dealwire.core.intake.CrmSettings;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.party.MachineAddresses;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.store.InMemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real mail through parsing and linking (the Enron corpus, in ../shared/corpus): how many contacts and
 * companies it creates, and, by sampling, that bulk and automated senders did not become contacts.
 */
class EnronContactsSampleTest {
    /** Local parts of bulk and machine senders; a person's address does not look like these. */
    private static final Pattern BULK_LOCAL_PART = Pattern.compile(
            "(?i)^(no-?reply|do-?not-?reply|mailer-daemon|postmaster|bounces?|newsletters?|news|notifications?|alerts?|marketing|promo(tions)?|unsubscribe|listserv|majordomo|owner-.*|.*-request)$");

    @Test
    @EnabledIf(value = "io.dealwire.ingest.mime.CorpusFiles#xzAvailable", disabledReason = "xz is not installed")
    void enronMailMakesContactsOfPeopleNotOfBulkSenders() throws Exception {
        var store = new InMemoryStore();
        var clock = Clock.fixed(Instant.parse("2002-01-01T00:00:00Z"), ZoneOffset.UTC);
        var intake = new MessageIntake(store, CrmSettings.of(new OwnDomains(Set.of("enron.com"))),
                new RuleBasedStageInference(store, clock), clock, IdGenerator.sequential());
        var parser = new MimeParser();
        var automatedSenders = new HashSet<String>();
        var personSenders = new HashSet<String>();
        int[] uid = {0};
        Process xz = CorpusFiles.xz(CorpusFiles.root().resolve("enron-maildir-57k.tar.xz"));
        int taken;
        try (InputStream tar = xz.getInputStream()) {
            taken = CorpusFiles.tarEntries(tar, 20, 2000, (name, raw) -> {
                var mail = parser.parse(raw);
                if (mail.from() != null) (mail.isAutomated() ? automatedSenders : personSenders).add(mail.from().address());
                intake.accept(mail, new MessageLocation("enron", "sample", 1, ++uid[0], false));
            });
        } finally {
            xz.destroy();
        }
        var contacts = store.contacts().list(0, Integer.MAX_VALUE);
        System.out.printf("enron sample: %d messages → %d contacts, %d companies, %d deals (%d automated senders seen)%n",
                taken, contacts.size(), store.companies().count(), store.deals().count(), automatedSenders.size());

        assertTrue(taken >= 2000, "sampled " + taken);
        assertFalse(contacts.isEmpty(), "external correspondents become contacts");
        assertTrue(store.companies().count() > 0, "their domains become companies");

        var problems = new ArrayList<String>();
        for (Contact c : contacts) {
            for (var email : c.emails()) {
                var address = EmailAddress.of(email);
                if (address.domain().endsWith("enron.com")) problems.add(email + ": a colleague became a contact");
                if (MachineAddresses.isMachine(address)) problems.add(email + ": a machine address became a contact");
                if (automatedSenders.contains(email) && !personSenders.contains(email)) problems.add(email + ": only ever sent automated mail");
            }
        }
        // A reproducible sample of the contacts, read as a person would: none is a bulk or machine sender.
        var sample = new ArrayList<>(contacts);
        java.util.Collections.shuffle(sample, new Random(42));
        for (Contact c : sample.subList(0, Math.min(200, sample.size())))
            for (var email : c.emails())
                if (BULK_LOCAL_PART.matcher(EmailAddress.of(email).localPart()).matches()) problems.add(email + ": looks like a bulk sender");
        assertEquals(List.of(), problems);
    }
}
