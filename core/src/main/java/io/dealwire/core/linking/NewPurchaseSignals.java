package io.dealwire.core.linking;

import io.dealwire.core.inference.AlternativesSearch;
import io.dealwire.core.inference.TextNormalizer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a message opens a new purchase rather than continuing one: an inquiry, a request for a
 * quote, a new project or a further order, in English or French. Used only for a message that starts a
 * conversation, to tell a second deal at a known customer from more mail about the first.
 */
final class NewPurchaseSignals {
    static final Pattern NEW_PURCHASE = Pattern.compile(
            "\\b(we are|we're|i am|i'm) (looking|interested|considering|planning|searching)|\\binterested in\\b|\\bnew project\\b"
                    + "|\\banother (project|order|purchase|need|site|team|department)|\\b(a|an|one more|second|new) (quote|quotation|proposal|order)\\b"
                    + "|\\brequest for (a )?(quote|quotation|proposal)|\\b(rfq|rfp)\\b|\\bcould you (send|provide|give|prepare|quote)|\\bcan you (send|provide|quote|prepare)"
                    + "|\\b(we|i) ?(would|'d) like (to (order|buy|purchase|get a quote|receive a quote|know (more|the price))|something similar|the same|a quote|a proposal|an offer|pricing)|\\bsomething similar for\\b|\\bla meme chose pour\\b|\\bla meme solution pour\\b|\\bwe (would |will |also |would also |will also |also would )?(need|require)\\b|\\bnew need\\b"
                    + "|\\bnous (recherchons|cherchons|souhaitons|souhaiterions|aimerions|voudrions|envisageons|avons besoin|aurions besoin)"
                    + "|\\bje (recherche|cherche|souhaite|souhaiterais|voudrais|aimerais)|\\b(un|une) (nouveau|nouvelle|autre) (projet|besoin|commande|devis|soumission|demande|offre|site)"
                    + "|\\bnouveau (projet|besoin|devis)|\\bdemande de (devis|soumission|prix|tarif|cotation|proposition)|\\bpourriez[- ]vous (nous )?(envoyer|faire|etablir|chiffrer|transmettre|proposer)"
                    + "|\\bpouvez[- ]vous (nous )?(envoyer|faire|etablir|chiffrer|transmettre|proposer)|\\bseriez[- ]vous en mesure|\\binteresse(e|s|es)? par\\b|\\bappel d'offres?\\b");

    /** The customer speaks of an offer we made earlier: "your March offer", "votre devis", "the quote you sent". */
    static final Pattern EARLIER_OFFER = Pattern.compile(
            "\\byour (\\w+ )?(offer|proposal|quote|quotation|pricing)\\b|\\bthe (offer|proposal|quote|quotation) you (sent|made)\\b"
                    + "|\\bvotre (\\w+ )?(devis|offre|proposition)\\b|\\bvos (devis|offres|propositions)\\b|\\b(le devis|l'offre|la proposition) que vous\\b");

    /**
     * The author says this is another matter than what is under way: "separate purchase", "different project",
     * "autre sujet", "par ailleurs", a capital-expense request of its own.
     */
    static final Pattern SEPARATE_MATTER = Pattern.compile(
            "\\b(separate|unrelated|different|another|new|second|other) (topic|subject|matter|project|purchase|request|need|investment|capex|requirement|note)\\b"
                    + "|\\bseparately\\b|\\bon (a|an) (different|other|unrelated) (note|topic|subject)\\b|\\bcapex\\b|\\bcapital (expenditure|request|budget)\\b"
                    + "|\\b(autre|nouveau|nouvel|nouvelle|second|deuxieme) (sujet|projet|investissement|achat|besoin|dossier)\\b|\\bautre chose\\b|\\bpar ailleurs\\b"
                    + "|\\bsans rapport\\b|\\bindependamment\\b|\\bd'un autre ordre\\b|\\bdans un tout autre domaine\\b");

    /** The customer asks to change an offer already made: a revised quote, another quantity, the same quote again. */
    static final Pattern REVISION = Pattern.compile(
            "\\b(updated|revised|amended|modified|corrected|new version of|another version of)\\b.{0,20}\\b(quote|quotation|proposal|offer|pricing|estimate)\\b"
                    + "|\\binstead of\\b|\\b(devis|offre|proposition|soumission|chiffrage) (revise|revisee|modifie|modifiee|mis a jour|mise a jour|corrige|corrigee|actualise|actualisee)\\b"
                    + "|\\bnouvelle version\\b|\\bau lieu de\\b|\\bplutot que\\b");

    /** The patterns as searches of their alternatives, each tried only on mail that holds its literals. */
    static final AlternativesSearch NEW_PURCHASE_SEARCH = AlternativesSearch.of(NEW_PURCHASE);
    static final AlternativesSearch EARLIER_OFFER_SEARCH = AlternativesSearch.of(EARLIER_OFFER);
    static final AlternativesSearch SEPARATE_MATTER_SEARCH = AlternativesSearch.of(SEPARATE_MATTER);
    static final AlternativesSearch REVISION_SEARCH = AlternativesSearch.of(REVISION);

    private NewPurchaseSignals() {
    }

    static boolean opensNewPurchase(String subject, String newText) {
        return finds(NEW_PURCHASE_SEARCH, subject, newText);
    }

    static boolean separateMatter(String subject, String newText) {
        return finds(SEPARATE_MATTER_SEARCH, subject, newText);
    }

    static boolean revisesOffer(String subject, String newText) {
        return finds(REVISION_SEARCH, subject, newText);
    }

    static boolean refersToEarlierOffer(String subject, String newText) {
        return finds(EARLIER_OFFER_SEARCH, subject, newText);
    }

    private static boolean finds(AlternativesSearch search, String subject, String newText) {
        return search.find(folded(subject, newText));
    }

    /** The last message folded on this thread, by identity: the linker asks several questions of the same message. */
    private record Folded(String subject, String newText, String folded) {
    }

    private static final ThreadLocal<Folded> LAST = new ThreadLocal<>();

    private static String folded(String subject, String newText) {
        var last = LAST.get();
        if (last != null && last.subject() == subject && last.newText() == newText) return last.folded();
        var folded = fold(subject + "\n" + newText);
        LAST.set(new Folded(subject, newText, folded));
        return folded;
    }

    private static String fold(String s) {
        return WHITESPACE.matcher(TextNormalizer.withoutAccents(s).toLowerCase(Locale.ROOT).replace('’', '\'')).replaceAll(" ");
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
}
