package io.dealwire.ingest.replay;

import io.dealwire.core.activity.ActivityCalculator;
import io.dealwire.core.activity.DealActivity;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.intake.CrmSettings;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.InMemoryStore;
import io.dealwire.core.store.Store;
import io.dealwire.ingest.mime.MimeParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays one labeled case through the code IMAP ingestion runs: each {@code messages/*.eml} in file-name
 * order is parsed by {@link MimeParser} and accepted by a {@link MessageIntake} built as the service builds
 * it (the case's own domains, {@link MessageIntake#withStageRules}, a clock fixed at {@code asOf}), on a fresh
 * in-memory store. Then compares what came out with what the case expects.
 */
public final class CaseReplay {
    /** Where replayed mail claims to live: one mailbox, one folder, the message's position as UID. */
    static final String MAILBOX = "case";
    static final String FOLDER = "INBOX";

    private final CaseReader reader = new CaseReader();
    private final MimeParser parser = new MimeParser();

    public CaseResult replay(Path dir) throws CaseReadException {
        var definition = reader.read(dir);
        var files = reader.messages(dir);
        var store = new InMemoryStore();
        var clock = Clock.fixed(definition.asOf(), ZoneOffset.UTC);
        store.pipelines().save(PipelineTemplates.defaultPipeline());
        var settings = CrmSettings.of(new OwnDomains(Set.copyOf(definition.ownDomains())));
        var intake = MessageIntake.withStageRules(store, settings, clock, IdGenerator.sequential());

        var stepsByFile = new HashMap<String, List<CaseDefinition.Step>>();
        for (var step : definition.steps()) stepsByFile.computeIfAbsent(step.after(), k -> new ArrayList<>()).add(step);
        var checks = new ArrayList<CaseResult.Check>();
        var stepChecks = new ArrayList<CaseResult.Check>();
        var fileOfMessage = new HashMap<String, String>();
        long uid = 0;
        for (var file : files) {
            byte[] raw;
            try {
                raw = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new CaseReadException(file, "cannot be read (" + e.getMessage() + ")", e);
            }
            var mail = parser.parse(raw);
            var stored = intake.accept(mail, new MessageLocation(MAILBOX, FOLDER, 1, ++uid, false));
            fileOfMessage.put(stored.id(), file.getFileName().toString());
            for (var step : stepsByFile.getOrDefault(file.getFileName().toString(), List.of())) {
                stepChecks.add(new CaseResult.Check(CaseResult.Kind.STEP, "after " + step.after(), step.stage(), stageOf(mainDeal(store))));
            }
        }

        var expect = definition.expect();
        var main = mainDeal(store);
        DealActivity activity = main == null ? DealActivity.NONE : ActivityCalculator.of(store, main, definition.asOf());
        if (expect.stage() != null) checks.add(new CaseResult.Check(CaseResult.Kind.STAGE, "stage", expect.stage(), stageOf(main)));
        checks.addAll(stepChecks);
        if (expect.deals() != null) checks.add(new CaseResult.Check(CaseResult.Kind.DEALS, "deals", expect.deals(), customerDeals(store).size()));
        if (expect.needsReply() != null) checks.add(new CaseResult.Check(CaseResult.Kind.NEEDS_REPLY, "needsReply", expect.needsReply(), activity.needsReply()));
        if (expect.awaitingReply() != null) checks.add(new CaseResult.Check(CaseResult.Kind.AWAITING_REPLY, "awaitingReply", expect.awaitingReply(), activity.awaitingReply()));
        if (expect.inactive() != null) checks.add(new CaseResult.Check(CaseResult.Kind.INACTIVE, "inactive", expect.inactive(), activity.inactive()));
        return new CaseResult(definition.name(), checks, history(store, main, fileOfMessage));
    }

    private static String stageOf(Deal deal) {
        return deal == null ? "prospect" : deal.stageId();
    }

    /** Mail written by a person between us and a customer. */
    private static boolean customerMail(StoredMessage m) {
        return m.dealId() != null && !m.mail().isAutomated()
                && (m.direction() == Direction.INBOUND || m.direction() == Direction.OUTBOUND);
    }

    /** Deals with their count of customer mail, in order of their first such message. */
    private static Map<String, Integer> customerDeals(Store store) {
        var counts = new LinkedHashMap<String, Integer>();
        for (var m : allMessages(store)) {
            if (customerMail(m)) counts.merge(m.dealId(), 1, Integer::sum);
        }
        return counts;
    }

    /** The deal the case is about: the one linked to the most customer mail (the earliest on a tie); null when none. */
    static Deal mainDeal(Store store) {
        String best = null;
        int most = 0;
        for (var e : customerDeals(store).entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best == null ? null : store.deals().find(best).orElse(null);
    }

    /** Every message of the store, in date order. */
    private static List<StoredMessage> allMessages(Store store) {
        var seen = new LinkedHashSet<String>();
        var out = new ArrayList<StoredMessage>();
        for (var m : store.messages().changedSince(0, Integer.MAX_VALUE)) {
            if (seen.add(m.id())) out.add(m);
        }
        out.sort((a, b) -> {
            if (a.mail().date() == null || b.mail().date() == null) return Long.compare(a.seq(), b.seq());
            int c = a.mail().date().compareTo(b.mail().date());
            return c != 0 ? c : Long.compare(a.seq(), b.seq());
        });
        return out;
    }

    private static List<CaseResult.HistoryEntry> history(Store store, Deal main, Map<String, String> fileOfMessage) {
        if (main == null) return List.of();
        var out = new ArrayList<CaseResult.HistoryEntry>();
        for (var c : store.deals().changes(main.id())) {
            var e = c.evidence();
            String file = e == null ? null : fileOfMessage.getOrDefault(e.messageId(), e.messageId());
            out.add(new CaseResult.HistoryEntry(file, c.fromStage(), c.toStage(), c.mode().name(),
                    e == null ? "" : e.rule(), e == null ? "" : e.quote(), e == null ? 0 : e.confidence()));
        }
        return out;
    }
}
