package io.dealwire.core.inference;

import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.Evidence;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.InferenceMode;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.pipeline.Stage;
import io.dealwire.core.pipeline.StageKind;
import io.dealwire.core.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Moves a deal through its pipeline from what its mail says, and records why.
 * <ul>
 *   <li>Only customer engagement counts: internal mail, auto-replies and newsletters never move a stage.</li>
 *   <li>Forward moves may jump (a first mail can be a purchase order); a deal falls back only on explicit
 *       signals (lost, not now → fridge) and is reopened from the fridge or lost only when the customer
 *       re-engages.</li>
 *   <li>A person's stage is never overridden by older mail; newer strong evidence becomes a suggestion.</li>
 *   <li>Every change is saved with its {@link Evidence}: message, rule, quoted sentence, confidence.</li>
 * </ul>
 * Reads the deal's history only when a rule needs it (both sides have written; the stage before the fridge).
 */
public final class RuleBasedStageInference implements StageInference {
    private static final Logger log = LoggerFactory.getLogger(RuleBasedStageInference.class);
    /** Below this a signal is not evidence enough to move a stage. */
    static final double MIN_CONFIDENCE = 0.5;
    /** After a person set the stage, only evidence this strong is suggested to them. */
    static final double STRONG_CONFIDENCE = 0.75;
    private static final double CONTACT_CONFIDENCE = 0.9;
    /** How far back in a deal's mail an exchange (both sides wrote) is looked for: an exchange is recent mail, not history. */
    static final int EXCHANGE_HISTORY = 100;

    private final Store store;
    private final Clock clock;
    private final SignalExtractor extractor = new SignalExtractor();

    public RuleBasedStageInference(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Deal onLinkedMessage(Deal deal, StoredMessage message) {
        var mail = message.mail();
        var direction = message.direction();
        if (direction == null || direction == Direction.INTERNAL) return deal;
        if (mail.isAutomated() && mail.invite() == null) return deal;
        Instant at = mail.date() != null ? mail.date() : clock.instant();
        boolean personStage = deal.stageSetByPerson();
        if (personStage && deal.stageChangedAt() != null && !at.isAfter(deal.stageChangedAt())) return deal;

        Pipeline pipeline = store.pipelines().find(deal.pipelineId()).orElseGet(PipelineTemplates::defaultPipeline);
        int current = pipeline.indexOf(deal.stageId());
        if (current < 0) return deal; // a stage this pipeline does not know: leave it to a person
        var reading = extractor.read(mail, direction);
        var move = decide(deal, pipeline, current, message, reading, at);
        if (move == null) return deal;

        var evidence = new Evidence(message.id(), move.signal().rule(), move.signal().quote(), move.signal().confidence());
        boolean suggest = personStage || pipeline.inferenceMode() == InferenceMode.SUGGEST;
        if (personStage && move.signal().confidence() < STRONG_CONFIDENCE) return deal;
        var mode = suggest ? ChangeMode.SUGGESTED : ChangeMode.AUTO;
        var change = new StageChange("sc-" + deal.id() + "-" + message.id() + (suggest ? "-s" : ""), deal.id(), deal.stageId(),
                move.to().id(), at, mode, evidence, null, suggest ? StageChange.Status.PENDING : StageChange.Status.APPLIED);
        store.deals().saveChange(change);
        log.debug("deal {}: {} -> {} ({}, {})", deal.id(), deal.stageId(), move.to().id(), evidence.rule(), mode);
        return suggest ? deal : deal.withStage(move.to().id(), at, false);
    }

    private record Move(Stage to, Signal signal) {
    }

    private Move decide(Deal deal, Pipeline pipeline, int current, StoredMessage message, SignalExtractor.Reading reading, Instant at) {
        var stage = pipeline.stages().get(current);
        boolean olderThanStage = deal.stageChangedAt() != null && at.isBefore(deal.stageChangedAt());
        var signals = reading.signals();
        switch (stage.kind()) {
            case WON -> {
                return null; // a won deal moves on (onboarding, upsell) by a person's hand
            }
            case OPEN -> {
                var lost = best(signals, Milestone.LOST);
                if (lost != null && !olderThanStage) return to(pipeline, Milestone.LOST, lost);
                var fridge = best(signals, Milestone.FRIDGE);
                if (fridge != null && !olderThanStage) return to(pipeline, Milestone.FRIDGE, fridge);
                Move forward = null;
                var contact = new Signal(Milestone.CONTACTED, message.direction() == Direction.OUTBOUND ? "contacted.our-mail" : "contacted.their-mail",
                        reading.firstSentence(), CONTACT_CONFIDENCE, Signal.Condition.NONE);
                forward = further(pipeline, forward, contact);
                Boolean exchange = null;
                for (var s : signals) {
                    if (!s.milestone().isForward() || s.confidence() < MIN_CONFIDENCE) continue;
                    var candidate = further(pipeline, forward, s);
                    if (candidate == forward) continue;
                    switch (s.condition()) {
                        case REOPEN -> {
                            continue;
                        }
                        case AFTER_PROPOSAL -> {
                            var proposal = Milestone.PROPOSAL.in(pipeline);
                            if (proposal.isEmpty() || current < pipeline.indexOf(proposal.get().id())) continue;
                        }
                        case EXCHANGE -> {
                            if (exchange == null) exchange = bothSidesWrote(deal, message);
                            if (!exchange) continue;
                        }
                        case NONE -> {
                        }
                    }
                    forward = candidate;
                }
                if (forward == null || pipeline.indexOf(forward.to().id()) <= current) return null;
                return forward;
            }
            case LOST, PARKED -> {
                if (olderThanStage || message.direction() != Direction.INBOUND) return null;
                if (stage.kind() == StageKind.PARKED) {
                    var lost = best(signals, Milestone.LOST);
                    if (lost != null) return to(pipeline, Milestone.LOST, lost);
                } else {
                    var fridge = best(signals, Milestone.FRIDGE);
                    if (fridge != null) return to(pipeline, Milestone.FRIDGE, fridge);
                }
                return reopen(deal, pipeline, signals);
            }
        }
        return null;
    }

    /**
     * The customer writes again after the fridge or a loss: the deal goes back to the stage it had before,
     * at most qualified (an old proposal has to be made again), or further when the message itself says so.
     */
    private Move reopen(Deal deal, Pipeline pipeline, List<Signal> signals) {
        Move best = null;
        Signal reopenSignal = null;
        for (var s : signals) {
            if (s.confidence() < MIN_CONFIDENCE) continue;
            if (s.condition() == Signal.Condition.REOPEN) {
                if (reopenSignal == null || s.confidence() > reopenSignal.confidence()) reopenSignal = s;
            } else if (s.milestone() == Milestone.QUALIFIED || s.milestone() == Milestone.PROPOSAL || s.milestone() == Milestone.WON) {
                best = further(pipeline, best, s);
            }
        }
        if (best == null && reopenSignal == null) return null;
        var trigger = reopenSignal != null ? reopenSignal : best.signal();
        var contacted = Milestone.CONTACTED.in(pipeline).orElse(pipeline.firstStage());
        var qualified = Milestone.QUALIFIED.in(pipeline).orElse(contacted);
        int previous = previousOpenStage(deal, pipeline);
        int reopened = Math.max(pipeline.indexOf(contacted.id()), Math.min(previous, pipeline.indexOf(qualified.id())));
        var reopenMove = new Move(pipeline.stages().get(reopened), new Signal(Milestone.CONTACTED,
                trigger.rule().startsWith("reopened") ? trigger.rule() : "reopened." + trigger.rule(), trigger.quote(), trigger.confidence(), trigger.condition()));
        if (best != null && pipeline.indexOf(best.to().id()) > reopened) return best;
        return reopenMove;
    }

    /** The open stage the deal had before it went to the fridge or was lost; -1 when unknown. */
    private int previousOpenStage(Deal deal, Pipeline pipeline) {
        var changes = store.deals().changes(deal.id());
        for (int i = changes.size() - 1; i >= 0; i--) {
            var c = changes.get(i);
            if (c.status() != StageChange.Status.APPLIED || !deal.stageId().equals(c.toStage()) || c.fromStage() == null) continue;
            int index = pipeline.indexOf(c.fromStage());
            if (index >= 0 && pipeline.stages().get(index).isOpen()) return index;
        }
        return -1;
    }

    private static Move further(Pipeline pipeline, Move sofar, Signal s) {
        var stage = s.milestone().in(pipeline);
        if (stage.isEmpty()) return sofar;
        int index = pipeline.indexOf(stage.get().id());
        if (sofar == null) return new Move(stage.get(), s);
        int have = pipeline.indexOf(sofar.to().id());
        if (index > have || index == have && s.confidence() > sofar.signal().confidence()) return new Move(stage.get(), s);
        return sofar;
    }

    private static Move to(Pipeline pipeline, Milestone milestone, Signal s) {
        return milestone.in(pipeline).map(stage -> new Move(stage, s)).orElse(null);
    }

    private static Signal best(List<Signal> signals, Milestone milestone) {
        Signal best = null;
        for (var s : signals) {
            if (s.milestone() == milestone && s.confidence() >= MIN_CONFIDENCE && (best == null || s.confidence() > best.confidence())) best = s;
        }
        return best;
    }

    /**
     * Both we and they have written on this deal (this message included), leaving out machines: among the deal's
     * latest {@value #EXCHANGE_HISTORY} messages, so that a long-running deal is not read whole for every signal.
     */
    private boolean bothSidesWrote(Deal deal, StoredMessage message) {
        var other = message.direction() == Direction.INBOUND ? Direction.OUTBOUND : Direction.INBOUND;
        for (var m : store.messages().latestByDeal(deal.id(), EXCHANGE_HISTORY)) {
            if (!m.id().equals(message.id()) && m.direction() == other && !m.mail().isAutomated()) return true;
        }
        return false;
    }
}
