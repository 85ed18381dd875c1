package io.dealwire.core.inference;

import io.dealwire.core.inference.Sentences.Sentence;
import io.dealwire.core.inference.Signal.Condition;
import io.dealwire.core.message.Attachment;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.MailMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one message for stage evidence: the new text of the reply (never the quoted history or the
 * signature), the attachment names and the calendar invite. Stateless and thread-safe; every pattern is
 * compiled once.
 */
public final class SignalExtractor {
    private static final Pattern NDA = Pattern.compile("\\b(?:nda|ndas|non disclosure|confidentiality|confidentialite|mutual disclosure)\\b");
    /** Words that cancel a positive statement when they come before it in the same clause. */
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|no|never|cannot|nor|neither|without|yet to|ne|n|pas|jamais|aucun|aucune|ni|sans|non)\\b");
    /** Words that make the rest of the clause hypothetical, pending or planned rather than done. */
    private static final Pattern HYPOTHETICAL = Pattern.compile("\\b(?:if|once|unless|whether|assuming|provided|in case|should we|si|lorsque|des que|une fois que|a condition|au cas|avant de|until|jusqu a ce"
            + "|waiting for|wait for|pending|awaiting|attendons|attendre|en attente|need to|needs to|must|have to|has to|doit|devons|devrons|hope to|hoping to|hopefully|esperons|espere|plan to|planning to|prevoyons"
            + "|might|may|could|pourrions|pourrait|would be|serait|expect to|expecting to|intend to|about to|going to have to)\\b");
    /** An offer promised rather than made: "as promised, I will send the quote tomorrow". */
    private static final Pattern FUTURE = Pattern.compile("\\b(?:will|shall|going to|gonna|would|could|can|plan to|planning to|tomorrow|next week|soon|shortly"
            + "|enverrai|enverrons|transmettrai|transmettrons|ferai|ferons|allons vous|vais vous|pourrons|pourrais|pourrions|prochainement|bientot|demain|semaine prochaine|des que possible)\\b");
    private static final Pattern STILL_PENDING = Pattern.compile("\\b(?:not yet|pas encore|yet)\\b");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()]|\\b(?:but|mais|however|cependant|toutefois|although|bien que|and then|puis)\\b");

    private static final Pattern PURCHASE = Pattern.compile("\\b(?:quote|quotation|proposal|order|po|purchase|offer|pricing|devis|soumission|offre|proposition|commande|bon de commande|propale|tarifs?|invoice|facture)\\b");
    private static final Pattern FILE_EXTENSION = Pattern.compile("\\.[a-z0-9]{1,5}$");
    private static final Pattern FILE_SIGNED = Pattern.compile("\\b(?:signed|signe|signee|countersigned|contresigne|executed|validation|valide|accepte|acceptee|accepted|approved|bon pour accord)\\b");
    private static final Pattern FILE_ORDER = Pattern.compile("\\b(?:po|purchase order|bon de commande|bdc|commande|order confirmation)\\b");
    private static final Pattern FILE_OFFER = Pattern.compile("\\b(?:proposal|proposition|quote|quotation|devis|soumission|offre|offer|pricing|tarif|tarifs|estimate|cotation|chiffrage|contrat|contract|sow|statement of work|bon de commande|order form|propale|agreement)\\b");
    private static final Pattern FILE_INVOICE = Pattern.compile("\\b(?:invoice|facture)\\b");
    private static final Pattern FILE_RFP = Pattern.compile("\\b(?:rfp|rfq|rfi|cahier des charges|appel d offres|requirements|specifications|consultation|tender)\\b");

    /** What the extractor read from one message. */
    public record Reading(String language, List<Signal> signals, String firstSentence) {
    }

    public Reading read(MailMessage mail, Direction direction) {
        var sentences = Sentences.of(mail.newText());
        var signals = new ArrayList<Signal>();
        var all = new StringBuilder();
        var masks = new long[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            var normalized = sentences.get(i).normalized();
            all.append(normalized).append('\n');
            masks[i] = SignalRules.candidates(normalized);
        }
        String language = LanguageDetector.detect(all.toString());
        var bant = new ArrayList<Signal>();
        var rules = SignalRules.RULES;
        for (int r = 0; r < rules.size(); r++) {
            var rule = rules.get(r);
            if (!rule.appliesTo(direction)) continue;
            long bit = 1L << r;
            for (int i = 0; i < sentences.size(); i++) {
                if ((masks[i] & bit) == 0) continue;
                var sentence = sentences.get(i);
                if (fires(rule, sentence)) {
                    var signal = new Signal(rule.milestone(), rule.name(), sentence.original(), rule.confidence(), rule.condition());
                    (rule.category().isEmpty() ? signals : bant).add(signal);
                    break;
                }
            }
        }
        if (!bant.isEmpty()) signals.add(qualification(bant));
        readAttachments(mail, direction, signals);
        if (aboutNda(mail, sentences)) signals.removeIf(SignalExtractor::vagueSignature);
        readInvite(mail, signals);
        String first = sentences.stream().map(Sentence::original).filter(s -> s.length() > 3).findFirst().orElse(mail.subject());
        return new Reading(language, signals, first);
    }

    /** The rules that read a request for an offer, as bits of {@link SignalRules#RULES}. */
    private static final long OFFER_REQUESTS = offerRequests();

    private static long offerRequests() {
        long mask = 0;
        for (int i = 0; i < SignalRules.RULES.size(); i++) if (SignalRules.RULES.get(i).name().equals("qualified.asks-for-offer")) mask |= 1L << i;
        return mask;
    }

    /**
     * The text asks us for an offer, a quote or prices ("could you quote…", "pourriez-vous nous faire parvenir une
     * soumission"), by the same rules stage inference uses; a negated request ("we don't need a quote") is none.
     */
    public static boolean asksForOffer(String text) {
        for (var sentence : Sentences.of(text)) {
            long mask = SignalRules.candidates(sentence.normalized()) & OFFER_REQUESTS;
            for (int i = 0; mask != 0 && i < SignalRules.RULES.size(); i++) {
                if ((mask & 1L << i) != 0 && fires(SignalRules.RULES.get(i), sentence)) return true;
            }
        }
        return false;
    }

    /**
     * Budget, authority, timing and need add up: each alone is weak (need alone does not qualify), two or
     * more together are the qualification the domain describes.
     */
    private static Signal qualification(List<Signal> bant) {
        var strongest = bant.getFirst();
        for (var s : bant) if (s.confidence() > strongest.confidence()) strongest = s;
        double confidence = Math.min(0.9, strongest.confidence() + 0.15 * (bant.size() - 1));
        var rule = new StringBuilder("qualified.bant");
        for (var s : bant) rule.append(rule.length() == 14 ? ":" : "+").append(s.rule().substring("qualified.".length()));
        return new Signal(Milestone.QUALIFIED, rule.toString(), strongest.quote(), confidence, Signal.Condition.EXCHANGE);
    }

    /** The message is about a confidentiality agreement (in its text or an attachment's name). */
    private static boolean aboutNda(MailMessage mail, List<Sentence> sentences) {
        for (var s : sentences) if (NDA.matcher(s.normalized()).find()) return true;
        for (var a : mail.attachments()) if (NDA.matcher(TextNormalizer.normalize(a.filename())).find()) return true;
        return false;
    }

    /**
     * Beside an NDA, "signed" or "countersigned" alone is the NDA being signed: only a win that names what
     * is bought (quote, order, proposal) still counts.
     */
    private static boolean vagueSignature(Signal s) {
        return s.milestone() == Milestone.WON && !PURCHASE.matcher(TextNormalizer.normalize(s.quote())).find();
    }

    private static boolean fires(Rule rule, Sentence sentence) {
        if (sentence.question() && !rule.questionOk()) return false;
        String text = sentence.normalized();
        if (!rule.literals().mayMatch(text)) return false; // the pattern cannot match: no need to run it
        Matcher m = rule.pattern().matcher(text);
        while (m.find()) {
            if ((rule.milestone() == Milestone.WON || rule.milestone() == Milestone.PROPOSAL) && NDA.matcher(text).find()) return false;
            if (rule.milestone() == Milestone.PROPOSAL && rule.negatable() && FUTURE.matcher(m.group()).find()) continue;
            if (!rule.negatable() || !cancelled(text, m.start(), m.end(), rule.category().isEmpty())) return true;
        }
        return false;
    }

    /**
     * A negation or (for statements of fact) a hypothetical before the match in its clause, or "not yet" after
     * it, cancels it. What a customer needs or plans (budget, timing) is qualification however it is phrased.
     */
    static boolean cancelled(String text, int start, int end, boolean hypotheticalCancels) {
        int clauseStart = 0;
        var breaks = CLAUSE_BREAK.matcher(text).region(0, start);
        while (breaks.find()) clauseStart = breaks.end();
        String before = text.substring(clauseStart, start);
        if (NEGATION.matcher(before).find() || hypotheticalCancels && HYPOTHETICAL.matcher(before).find()) return true;
        var after = CLAUSE_BREAK.matcher(text).region(end, text.length());
        int clauseEnd = after.find() ? after.start() : text.length();
        return STILL_PENDING.matcher(text.substring(end, clauseEnd)).find();
    }

    private static void readAttachments(MailMessage mail, Direction direction, List<Signal> signals) {
        for (Attachment a : mail.attachments()) {
            String name = TextNormalizer.normalize(FILE_EXTENSION.matcher(a.filename().toLowerCase(Locale.ROOT)).replaceFirst("")).replace('.', ' ');
            if (name.isEmpty() || NDA.matcher(name).find()) continue;
            String quote = "attachment: " + a.filename();
            if (direction == Direction.INBOUND) {
                if (FILE_SIGNED.matcher(name).find() && (FILE_OFFER.matcher(name).find() || FILE_ORDER.matcher(name).find())
                        || FILE_ORDER.matcher(name).find()) {
                    signals.add(new Signal(Milestone.WON, "won.signed-or-order-attached", quote, 0.85, Condition.NONE));
                } else if (FILE_RFP.matcher(name).find()) {
                    signals.add(new Signal(Milestone.QUALIFIED, "qualified.rfp-attached", quote, 0.7, Condition.NONE));
                }
            } else if (direction == Direction.OUTBOUND) {
                if (FILE_INVOICE.matcher(name).find()) {
                    signals.add(new Signal(Milestone.WON, "won.invoice-sent", quote, 0.7, Condition.AFTER_PROPOSAL));
                } else if (FILE_OFFER.matcher(name).find()) {
                    signals.add(new Signal(Milestone.PROPOSAL, "proposal.attached", quote, 0.85, Condition.NONE));
                }
            }
        }
    }

    private static void readInvite(MailMessage mail, List<Signal> signals) {
        var invite = mail.invite();
        if (invite == null || invite.method() == null) return;
        String method = invite.method().toUpperCase(Locale.ROOT);
        if (method.equals("REQUEST") || method.equals("PUBLISH")) {
            String summary = invite.summary() == null ? "" : invite.summary();
            signals.add(new Signal(Milestone.QUALIFIED, "qualified.meeting-invite", "invitation: " + summary, 0.85, Condition.NONE));
        }
    }
}
