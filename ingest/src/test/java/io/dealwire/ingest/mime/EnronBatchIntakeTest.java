package io.dealwire.ingest.mime;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.intake.CrmSettings;
import io.dealwire.core.intake.Intake.Incoming;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.InMemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real mail read in the batches IMAP sync hands the intake ends exactly as the same mail read one message
 * at a time: the same conversations, contacts, companies, deals, stages and stage evidence. The Enron
 * messages are taken in archive order (whole folders), so batches hold threads, replies and repeat customers.
 */
class EnronBatchIntakeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2002-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    @EnabledIf(value = "io.dealwire.ingest.mime.CorpusFiles#xzAvailable", disabledReason = "xz is not installed")
    void batchesOfRealMailAreReadAsMessagesOneByOne() throws Exception {
        var parser = new MimeParser();
        var mails = new ArrayList<MailMessage>();
        Process xz = CorpusFiles.xz(CorpusFiles.root().resolve("enron-maildir-57k.tar.xz"));
        try (InputStream tar = xz.getInputStream()) {
            CorpusFiles.tarEntries(tar, 1, 1000, (name, raw) -> mails.add(parser.parse(raw)));
        } finally {
            xz.destroy();
        }
        assertTrue(mails.size() >= 1000, "read " + mails.size());

        var oneByOne = store();
        var single = intake(oneByOne);
        for (int i = 0; i < mails.size(); i++) single.accept(mails.get(i), location(i));

        var batched = store();
        var batch = intake(batched);
        for (int from = 0; from < mails.size(); from += 250) {
            var incoming = new ArrayList<Incoming>();
            for (int i = from; i < Math.min(mails.size(), from + 250); i++) incoming.add(new Incoming(mails.get(i), location(i)));
            batch.acceptAll(incoming);
        }

        assertEquals(oneByOne.messages().count(), batched.messages().count());
        var differences = new ArrayList<String>();
        for (var m : mails) {
            var a = oneByOne.messages().find(m.id()).orElseThrow().withSeq(0);
            var b = batched.messages().find(m.id()).orElseThrow().withSeq(0);
            if (!a.equals(b)) differences.add(m.id());
        }
        assertEquals(List.of(), differences, "messages read differently in a batch");
        var deals = deals(oneByOne);
        assertEquals(deals, deals(batched));
        assertTrue(deals.size() > 10, "the sample opens deals: " + deals.size());
        for (var d : deals) assertEquals(oneByOne.deals().changes(d.id()), batched.deals().changes(d.id()), "stage history of " + d.id());
        assertEquals(oneByOne.contacts().list(0, Integer.MAX_VALUE), batched.contacts().list(0, Integer.MAX_VALUE));
        assertEquals(oneByOne.companies().count(), batched.companies().count());
    }

    private static MessageLocation location(int i) {
        return new MessageLocation("enron", "sample", 1, i + 1, false);
    }

    private static InMemoryStore store() {
        var store = new InMemoryStore();
        store.pipelines().save(PipelineTemplates.defaultPipeline());
        return store;
    }

    private static MessageIntake intake(InMemoryStore store) {
        return MessageIntake.withStageRules(store, CrmSettings.of(new OwnDomains(Set.of("enron.com"))), CLOCK, IdGenerator.sequential());
    }

    private static List<Deal> deals(InMemoryStore store) {
        return store.deals().list(0, Integer.MAX_VALUE).stream().sorted(Comparator.comparing(Deal::id)).toList();
    }
}
