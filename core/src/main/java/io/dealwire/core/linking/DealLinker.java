package io.dealwire.core.linking;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.inference.SignalExtractor;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.LinkSource;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.party.Parties;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.SalesModel;
import io.dealwire.core.pipeline.Stage;
import io.dealwire.core.pipeline.StageKind;
import io.dealwire.core.store.Store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Decides which deal a message belongs to, in this order:
 * <ol>
 *   <li>the deal a person pinned its conversation to (a person's correction always wins);</li>
 *   <li>the deal its conversation is already linked to (a person's link in it first);</li>
 *   <li>the only open deal of its customer (company or person account);</li>
 *   <li>among several open deals, the best-scoring one, with a confidence; below {@code reviewThreshold}
 *       the link is made but flagged for review;</li>
 *   <li>no open deal fits: a new deal, when the mail warrants one (a person's customer mail the
 *       pipeline's sales model counts as a lead).</li>
 * </ol>
 * A message that starts a conversation and reads as a new purchase (an inquiry, a request for a quote)
 * on a topic none of the open deals shares becomes a new deal even when the customer has open deals:
 * two purchases from one company are two deals. When the customer has no open deal, a new conversation
 * joins a closed deal only when it quotes that deal's reference (a quote number), comes back to the
 * offer of a lost deal, or follows up on a closed deal's topic with people who took part in it; a new
 * purchase after a won deal is a new deal. A reply inside a conversation already linked to a closed deal
 * stays on it.
 */
public final class DealLinker {
    /** Below this topic overlap a new inquiry is about something else than a deal. */
    static final double SAME_TOPIC = 0.34;
    /** A message that is not a new purchase joins a closed deal of its customer from this topic overlap on. */
    static final double CLOSED_DEAL_TOPIC = 0.5;
    /** Below this share of words already used on a deal, a message its author calls a separate matter is one. */
    static final double SEPARATE_WORDING = 0.5;
    /** How much better a closed deal must fit than the best open one to take a follow-up. */
    static final double CLEARLY_BETTER = 0.15;

    private final Store store;
    private final DealScorer scorer;
    private final double reviewThreshold;

    public DealLinker(Store store, OwnDomains ownDomains, double reviewThreshold) {
        this.store = store;
        this.scorer = new DealScorer(ownDomains);
        this.reviewThreshold = reviewThreshold;
    }

    /**
     * @param message  the message with its conversation id and direction set
     * @param parties  its customer
     * @param mayCreate whether this mail may create a deal (a person's customer mail, not automated, internal or ignored)
     */
    public LinkDecision decide(StoredMessage message, Parties parties, boolean mayCreate) {
        if (message.direction() == Direction.INTERNAL) return LinkDecision.none("internal");
        var conversation = message.conversationId();
        List<StoredMessage> earlier = List.of();
        if (conversation != null) {
            var pin = store.pins().find(conversation);
            if (pin.isPresent() && store.deals().find(pin.get().dealId()).isPresent()) {
                return new LinkDecision(pin.get().dealId(), false, LinkSource.PERSON, 1, false, "pinned conversation");
            }
            earlier = conversationMessages(message);
            var linked = conversationDeal(earlier);
            if (linked != null) return linked;
        }
        if (!parties.hasCustomer()) return LinkDecision.none("no customer");
        if (message.mail().isAutomated()) return LinkDecision.none("automated mail outside a linked conversation");

        var deals = customerDeals(parties);
        var open = deals.stream().filter(d -> isOpen(d)).toList();
        boolean startsConversation = earlier.isEmpty();
        var subject = message.mail().subject();
        var text = message.mail().newText();
        boolean newPurchase = startsConversation && (NewPurchaseSignals.opensNewPurchase(subject, text) || SignalExtractor.asksForOffer(text));

        if (!open.isEmpty()) {
            var scores = scores(message, open);
            var best = scores.getFirst();
            if (mayCreate && startsConversation && allowsNewDeal(message) && anotherPurchase(message, best, newPurchase)) {
                return LinkDecision.create("new purchase on another topic than the open deals");
            }
            var closedMatch = closedDealFollowUp(message, deals, newPurchase, best);
            if (closedMatch != null) return closedMatch;
            if (open.size() == 1) {
                return new LinkDecision(best.deal().id(), false, LinkSource.AUTO, Math.max(0.8, best.total()), false,
                        "only open deal of the customer");
            }
            double second = scores.get(1).total();
            double confidence = Math.clamp(best.total() + (best.total() - second), 0, 1);
            return new LinkDecision(best.deal().id(), false, LinkSource.AUTO, confidence, confidence < reviewThreshold,
                    "best of " + open.size() + " open deals");
        }
        var closed = deals.stream().filter(d -> !isOpen(d)).toList();
        if (!closed.isEmpty()) {
            var scores = scores(message, closed);
            var quoted = scores.stream().filter(DealScore::sharedReference).findFirst();
            if (quoted.isPresent()) {
                return new LinkDecision(quoted.get().deal().id(), false, LinkSource.AUTO, 0.9, false, "quotes a reference of a closed deal");
            }
            if (!newPurchase) {
                var lastLost = mostRecent(closed);
                if (lastLost != null && kindOf(lastLost) == StageKind.LOST && startsConversation
                        && NewPurchaseSignals.refersToEarlierOffer(message.mail().subject(), message.mail().newText())) {
                    return new LinkDecision(lastLost.id(), false, LinkSource.AUTO, 0.7, false, "comes back to the offer of a lost deal");
                }
                var best = scores.getFirst();
                // a follow-up (an invoice question, onboarding) from someone who took part in a closed deal on its topic
                if (best.topic() >= CLOSED_DEAL_TOPIC && best.participants() > 0) {
                    return new LinkDecision(best.deal().id(), false, LinkSource.AUTO, Math.clamp(best.total(), 0, 1),
                            best.total() < reviewThreshold, "same topic as a closed deal of the customer");
                }
            }
        }
        if (mayCreate && allowsNewDeal(message)) return LinkDecision.create(closed.isEmpty() ? "first deal of the customer" : "new purchase after closed deals");
        return LinkDecision.none("no deal fits and this mail does not open one");
    }

    /**
     * A new conversation is another purchase than the best-fitting open deal when it asks for an offer on
     * another topic, or when its author says it is a separate matter and neither its subject nor most of its
     * wording is the deal's. Quoting the deal's reference or asking to revise its offer keeps it on the deal.
     */
    private static boolean anotherPurchase(StoredMessage message, DealScore best, boolean newPurchase) {
        if (best.sharedReference()) return false;
        var subject = message.mail().subject();
        var text = message.mail().newText();
        if (NewPurchaseSignals.revisesOffer(subject, text)) return false;
        if (newPurchase && best.topic() < SAME_TOPIC) return true;
        return NewPurchaseSignals.separateMatter(subject, text) && best.subject() < SAME_TOPIC && best.wording() < SEPARATE_WORDING;
    }

    /**
     * A follow-up on a closed deal (an invoice question about the order) while another deal is open: it
     * goes to the closed deal when its author took part in it, it is on its topic, and it fits that deal
     * clearly better than the best open one.
     */
    private LinkDecision closedDealFollowUp(StoredMessage message, List<Deal> deals, boolean newPurchase, DealScore bestOpen) {
        if (newPurchase) return null;
        var closed = deals.stream().filter(d -> !isOpen(d)).toList();
        if (closed.isEmpty()) return null;
        var best = scores(message, closed).getFirst();
        if (best.participants() > 0 && best.topic() >= CLOSED_DEAL_TOPIC && best.total() > bestOpen.total() + CLEARLY_BETTER) {
            return new LinkDecision(best.deal().id(), false, LinkSource.AUTO, Math.clamp(best.total(), 0, 1),
                    best.total() < reviewThreshold, "follow-up on a closed deal of the customer");
        }
        return null;
    }

    /** The deal of the conversation's {@code earlier} messages: the one a person linked it to, else the latest linked. */
    private LinkDecision conversationDeal(List<StoredMessage> earlier) {
        StoredMessage byPerson = null, latest = null;
        for (var m : earlier) {
            if (m.dealId() == null || store.deals().find(m.dealId()).isEmpty()) continue;
            if (m.linkSource() == LinkSource.PERSON) byPerson = m;
            latest = m;
        }
        if (byPerson != null) return new LinkDecision(byPerson.dealId(), false, LinkSource.AUTO, 1, false, "conversation linked by a person");
        if (latest != null) {
            return new LinkDecision(latest.dealId(), false, LinkSource.AUTO, Math.max(latest.linkConfidence(), 0.9),
                    latest.needsReview(), "conversation already linked");
        }
        return null;
    }

    /** The other messages of the message's conversation (read once per decision: a long conversation is read whole). */
    private List<StoredMessage> conversationMessages(StoredMessage message) {
        if (message.conversationId() == null) return List.of();
        return store.messages().findByConversation(message.conversationId()).stream()
                .filter(m -> !m.id().equals(message.id())).toList();
    }

    private List<Deal> customerDeals(Parties parties) {
        var byId = new LinkedHashMap<String, Deal>();
        if (parties.companyId() != null) store.deals().findByCompany(parties.companyId()).forEach(d -> byId.put(d.id(), d));
        if (parties.personContactId() != null) store.deals().findByPerson(parties.personContactId()).forEach(d -> byId.put(d.id(), d));
        return new ArrayList<>(byId.values());
    }

    /**
     * Best first; ties go to the more recent deal, then the older id, so the choice is repeatable. Each deal is
     * scored on its latest messages only (all the scorer reads), so a long-running account costs no more per message.
     */
    private List<DealScore> scores(StoredMessage message, List<Deal> deals) {
        var out = new ArrayList<DealScore>();
        for (var d : deals) out.add(scorer.score(message.mail(), d, store.messages().latestByDeal(d.id(), DealScorer.RECENT_MESSAGES)));
        out.sort(Comparator.comparingDouble(DealScore::total).reversed()
                .thenComparing(s -> s.deal().createdAt(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(s -> s.deal().id()));
        return out;
    }

    /** Open and parked ("fridge") deals can take new mail; won and lost ones are closed. */
    private boolean isOpen(Deal deal) {
        var kind = kindOf(deal);
        return kind == StageKind.OPEN || kind == StageKind.PARKED;
    }

    /** The kind of the deal's stage; a stage its pipeline does not know counts by its id (won, lost) or as open. */
    private StageKind kindOf(Deal deal) {
        var pipeline = store.pipelines().find(deal.pipelineId()).orElse(null);
        var kind = pipeline == null ? null : pipeline.stage(deal.stageId()).map(Stage::kind).orElse(null);
        if (kind != null) return kind;
        return switch (deal.stageId()) {
            case "won" -> StageKind.WON;
            case "lost" -> StageKind.LOST;
            default -> StageKind.OPEN;
        };
    }

    /** The deal that changed stage last (closing is its last change), ties to the later created. */
    private static Deal mostRecent(List<Deal> deals) {
        return deals.stream().max(Comparator.comparing((Deal d) -> d.stageChangedAt() != null ? d.stageChangedAt() : d.createdAt(),
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Deal::id)).orElse(null);
    }

    /** Inbound pipelines take their leads from inquiries only; every other model also from our first mail to a customer. */
    private boolean allowsNewDeal(StoredMessage message) {
        var model = store.pipelines().find(DealFactory.DEFAULT_PIPELINE).map(Pipeline::model).orElse(SalesModel.DEFAULT);
        if (message.direction() == Direction.INBOUND) return true;
        return message.direction() == Direction.OUTBOUND && model != SalesModel.INBOUND;
    }
}
