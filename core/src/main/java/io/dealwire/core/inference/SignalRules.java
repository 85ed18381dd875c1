package io.dealwire.core.inference;

import io.dealwire.core.inference.Signal.Condition;
import io.dealwire.core.message.Direction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.dealwire.core.inference.Milestone.FRIDGE;
import static io.dealwire.core.inference.Milestone.LOST;
import static io.dealwire.core.inference.Milestone.PROPOSAL;
import static io.dealwire.core.inference.Milestone.QUALIFIED;
import static io.dealwire.core.inference.Milestone.WON;
import static io.dealwire.core.message.Direction.INBOUND;
import static io.dealwire.core.message.Direction.OUTBOUND;

/**
 * The English and French rules, written against {@link TextNormalizer} output (lower case, no accents,
 * elisions split, hyphens as spaces, English contractions expanded). Compiled once.
 */
final class SignalRules {
    // Shared vocabulary.
    static final String PROPOSAL_EN = "(?:(?:commercial |price |pricing |formal |detailed |written |updated |revised |final |new |signed )?"
            + "(?:proposal|quote|quotation|estimate|pricing|price list|sow|statement of work|order form|contract|agreement)"
            + "|(?:our|the|an|your|updated|revised|final|commercial|new) offer)";
    static final String PROPOSAL_FR = "(?:devis|offre|offres|proposition(?! de (?:rendez|rdv|date|creneau|reunion|demo|appel|visio|partenariat))"
            + "|propositions|chiffrage|cotation|grille tarifaire|tarifs|tarif|contrat|bon de commande|conditions tarifaires|propale|soumission|soumissions)";
    static final String PROPOSAL_ANY = "(?:" + PROPOSAL_EN + "|" + PROPOSAL_FR + ")";
    static final String DELIVER = "(?:attached|attaching|enclosed|please find|herewith|here is|here are|sending you|i am sending|we are sending"
            + "|i have sent|we have sent|i sent|we sent|i just sent|we just sent|as promised|i have attached|we have attached|i attached|we attached"
            + "|you will find|i am attaching|we are attaching|i have shared|we have shared|i have uploaded"
            + "|ci joint|ci jointe|ci joints|ci jointes|en piece jointe|en pieces jointes|en pj|vous trouverez|veuillez trouver|voici"
            + "|je vous transmets|nous vous transmettons|je vous envoie|nous vous envoyons|je vous adresse|nous vous adressons"
            + "|je vous fais parvenir|nous vous faisons parvenir|je vous ai envoye|nous vous avons envoye|je vous ai transmis"
            + "|nous vous avons transmis|je vous ai adresse|nous vous avons adresse|comme promis|je joins|nous joignons|je vous joins)";
    static final String DAY = "(?:monday|tuesday|wednesday|thursday|friday|tomorrow|lundi|mardi|mercredi|jeudi|vendredi|demain)";
    static final String MONTH = "(?:january|february|march|april|may|june|july|august|september|october|november|december"
            + "|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)";
    static final String LATER = "(?:next (?:year|quarter|fiscal year|fiscal|spring|summer|fall|autumn|winter|budget cycle|budget)"
            + "|in (?:a few|a couple of|two|three|four|five|six|several|\\d+) months|in (?:january|february|march|april|june|july|august"
            + "|september|october|november|december|q[1-4]|the new year|the spring|the summer|the fall|the autumn|20\\d\\d)"
            + "|after (?:the |our )?(?:summer|holidays|holiday season|summer break|new year|q[1-4]|our reorganisation|our reorganization|the merger|budget season|year end)"
            + "|(?:later|early|late) (?:this|next|in the) year|(?:at the )?end of (?:the )?year|once (?:the )?budget"
            + "|l annee prochaine|l an prochain|au prochain trimestre|le trimestre prochain|au (?:second|deuxieme|premier|2e|1er|prochain) semestre"
            + "|dans (?:quelques|deux|trois|quatre|cinq|six|plusieurs|\\d+) mois|d ici (?:quelques|deux|trois|quatre|six|\\d+) mois"
            + "|en (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|20\\d\\d)"
            + "|a la rentree|apres l ete|apres les vacances|apres (?:les |nos |mes )?(?:conges|vacances)(?: d ete| de l ete| d hiver| de noel| de fin d annee| scolaires)?|apres la (?:periode estivale|saison|treve)|au retour des (?:vacances|conges)|(?:a la |d ici la )?fin de l ete|cet (?:automne|hiver|ete)|this (?:fall|autumn|winter)|a l automne|au printemps|en fin d annee|(?:au |en )?debut (?:d annee|20\\d\\d|de l annee prochaine)"
            + "|au (?:t|q)[1-4]|plus tard dans l annee"
            // "relancez-moi fin août", "reach out in early September", "après septembre"
            + "|(?:(?:a |en |d ici |vers |pour )?(?:la )?(?:fin|debut|mi|courant) |(?:in |at the |around |by )?(?:early|mid|late|end of|beginning of|the end of|the beginning of) |after |apres )(?:" + MONTH + "))";

    static final String DAY_OR_DATE = "(?:" + DAY + "|(?:le )?\\d{1,2}(?:er)? " + MONTH + "|" + MONTH + " \\d{1,2}(?:st|nd|rd|th)?|this afternoon|this morning|cet apres midi|ce matin)";
    static final String CLOCK = "(?:\\b\\d{1,2} ?h(?: ?\\d\\d)?\\b|\\b\\d{1,2}[:.]\\d\\d ?(?:am|pm)?\\b|\\b\\d{1,2} ?(?:am|pm)\\b|\\bnoon\\b|\\bmidi\\b)";
    static final String MONEY = "(?:[$€£] ?\\d|\\b\\d[\\d ,.]*(?: ?k| ?m)? ?(?:€|\\$|£|k€|keur|eur|euros|usd|dollars|gbp)(?:\\b|(?=\\s|$|[.,;)])))";

    static final List<Rule> RULES = build();
    /** For each trigger word, the rules (bit i = RULES.get(i)) it lets through. */
    static final Map<String, Long> RULES_BY_WORD = index();
    /** The rules without triggers: tried on every sentence. */
    static final long ALWAYS = always();

    private SignalRules() {
    }

    private static List<Rule> build() {
        var r = new ArrayList<Rule>();

        // --- Proposal: we deliver an offer (not a promise to send one, not a question about one).
        r.add(rule("proposal.sent", PROPOSAL, 0.85, OUTBOUND, "\\b" + DELIVER + "\\b.{0,60}?\\b" + PROPOSAL_ANY + "\\b")
                .neg().on("proposal proposals quote quotes quotation quotations estimate estimates pricing price sow statement order form contract contracts agreement agreements offer offers devis offre offres proposition propositions chiffrage cotation grille tarifs tarif contrat contrats bon conditions propale propales soumission soumissions signed").build());
        r.add(rule("proposal.sent", PROPOSAL, 0.85, OUTBOUND, "\\b" + PROPOSAL_ANY
                + "\\b.{0,30}?\\b(?:is attached|are attached|attached|enclosed|ci joint|ci jointe|en piece jointe|en pj)\\b").neg().on("proposal proposals quote quotes quotation quotations estimate estimates pricing price sow statement order form contract contracts agreement agreements offer offers devis offre offres proposition propositions chiffrage cotation grille tarifs tarif contrat contrats bon conditions propale propales soumission soumissions signed").build());
        r.add(rule("proposal.sent-earlier", PROPOSAL, 0.7, null, "\\b(?:the|my|our) " + PROPOSAL_EN + " (?:i|we) (?:sent|shared|emailed|submitted)\\b"
                + "|\\b" + PROPOSAL_FR + " (?:que )?(?:je vous ai|nous vous avons) (?:envoye|transmis|adresse|fait parvenir|soumis)"
                + "|\\b(?:notre|mon|le|votre) " + PROPOSAL_FR + " (?:envoye|transmis|adresse)e?s?\\b"
)
                .neg().question().on("proposal proposals quote quotes quotation quotations estimate estimates pricing price sow statement order form contract contracts agreement agreements offer offers devis offre offres proposition propositions chiffrage cotation grille tarifs tarif contrat contrats bon conditions propale propales soumission soumissions signed").build());
        // We chase an offer we made (a customer asking "any news on the quote?" is still waiting for it).
        r.add(rule("proposal.followed-up", PROPOSAL, 0.7, OUTBOUND,
                "\\b(?:following up|follow up|circling back|checking in|just checking|any (?:news|update|feedback)|je me permets de revenir|je reviens vers vous|relance|avez vous pu)\\b.{0,40}?\\b(?:my|our|the|notre|mon|le|la|l|du|de notre|votre) ?" + PROPOSAL_ANY + "\\b(?! request| demande)")
                .neg().question().on("proposal proposals quote quotes quotation quotations estimate estimates pricing price sow statement order form contract contracts agreement agreements offer offers devis offre offres proposition propositions chiffrage cotation grille tarifs tarif contrat contrats bon conditions propale propales soumission soumissions signed").build());
        // Our reply states a price for what they asked: an offer in the body of the mail.
        r.add(rule("proposal.priced", PROPOSAL, 0.7, OUTBOUND,
                MONEY + ".{0,50}?\\b(?:per|par|\\/|ht|ttc|excl|excluding|incl|including|hors taxes|plus vat|\\+ ?vat|\\+ ?tva|total|per month|per year|par mois|par an|monthly|yearly|annually|one off|one time|setup|installation)\\b"
                        + "|\\b(?:total|price|pricing|cost|prix|tarif|cout|montant|remise|discount|investment|investissement)\\b.{0,40}?" + MONEY)
                .neg().condition(Condition.EXCHANGE).on("total price pricing cost prix tarif cout montant remise discount investment investissement per par ht ttc excl excluding incl including hors plus vat tva month year mois an monthly yearly annually setup installation").build());
        // The customer acknowledges an offer: it was made, whatever channel it went through.
        r.add(rule("proposal.received", PROPOSAL, 0.75, INBOUND,
                "\\b(?:thank you|thanks|thx)\\b.{0,15}?\\bfor (?:the |your |this |sending (?:the |your |us |me )?|sharing (?:the |your )?)(?:updated |revised |detailed |new |latest )?" + PROPOSAL_ANY + "\\b"
                        + "|\\b(?:received|reviewing|reviewed|looked at|looking at|went through|gone through|going through|studied|studying|discussing|discussed|analysing|analyzing|circulated|went over|going over|looking over|comparing|compared) (?:the|your|this) (?:updated |revised |new |detailed |latest )?" + PROPOSAL_ANY + "\\b"
                        + "|\\b(?:merci|je vous remercie|nous vous remercions)\\b.{0,15}?\\b(?:pour|de) (?:votre|le|la|l|cette|ce|vos|les|l envoi de votre|l envoi du) ?(?:nouvelle |nouveau |derniere |dernier )?" + PROPOSAL_FR + "\\b"
                        + "|\\b(?:bien recu|avons recu|ai recu|etudions|etudie|analysons|examinons|regardons|relu|parcouru|comparons) (?:votre|le|la|l|cette|ce|vos|les|du|de la|de votre) ?(?:nouvelle |nouveau |derniere |dernier )?" + PROPOSAL_FR + "\\b")
                .neg().on("proposal proposals quote quotes quotation quotations estimate estimates pricing price sow statement order form contract contracts agreement agreements offer offers devis offre offres proposition propositions chiffrage cotation grille tarifs tarif contrat contrats bon conditions propale propales soumission soumissions signed").build());

        // --- Qualified: the customer asks for an offer (a request, not a delivery).
        r.add(rule("qualified.asks-for-offer", QUALIFIED, 0.7, INBOUND,
                "\\b(?:could|can|would|will) you (?:please |kindly |also )?(?:send|share|provide|prepare|give|put together|draft|email|forward|quote)\\b.{0,40}?\\b(?:proposal|quote|quotation|pricing|price|prices|estimate|offer|costs?|rates)\\b"
                        + "|\\b(?:could you|can you|would you|will you|please) (?:please |kindly |also )?quote (?:us |me )?(?:for |on )?(?:a|an|the|this|these|our|\\d+)\\b"
                        + "|\\b(?:please )?(?:send|share|provide|forward|email) (?:us|me)\\b.{0,30}?\\b(?:proposal|quote|quotation|pricing|prices|estimate|offer)\\b"
                        + "|\\b(?:we|i) (?:would like|would love|need|are looking for|am looking for|want|wish|require)(?: to (?:receive|get|see|have|obtain|request))? (?:a |an |your |the |some )?(?:formal |detailed |written |firm |rough |ballpark |price )?(?:proposal|quote|quotation|pricing|estimate|price|offer)\\b"
                        + "|\\bhow much (?:does|would|will|is|do|for|would it)\\b|\\bwhat (?:is|are|would be|will be) (?:the|your) (?:price|pricing|prices|cost|costs|rates|fees)\\b"
                        + "|\\b(?:request for (?:a )?(?:proposal|quote|quotation)|rfp|rfq|call for tenders)\\b"
                        + "|\\b(?:pourriez|pouvez|pourrais|peux|pourrait) (?:vous )?(?:svp |s il vous plait )?(?:nous |me )?(?:envoyer|transmettre|faire parvenir|adresser|etablir|preparer|faire|communiquer|proposer|chiffrer|soumettre)\\b.{0,40}?\\b(?:devis|offre|proposition|tarifs?|prix|chiffrage|cotation|grille tarifaire|conditions tarifaires|propale|soumission|soumissions)\\b"
                        + "|\\bmerci de (?:bien vouloir )?(?:nous |me )?(?:envoyer|transmettre|faire parvenir|adresser|communiquer|etablir|preparer|chiffrer)\\b.{0,40}?\\b(?:devis|offre|proposition|tarifs?|prix|chiffrage|cotation|propale|soumission|soumissions)\\b"
                        + "|\\b(?:nous souhaiterions|nous souhaitons|je souhaiterais|je souhaite|nous aimerions|j aimerais|nous voudrions|je voudrais|nous desirons|nous avons besoin d|j ai besoin d)\\b(?: recevoir| obtenir| avoir| disposer d)? ?(?:un |une |votre |vos |le |la |les |d un |d une )?(?:devis|offre|proposition|chiffrage|tarifs?|cotation|prix|grille tarifaire|propale|soumission|soumissions)\\b"
                        + "|\\bquel(?:s|le|les)? (?:est|sont|serait|seraient) (?:le |la |les |vos |votre )?(?:prix|tarifs?|couts?|conditions tarifaires)\\b"
                        + "|\\bcombien (?:coute|couterait|coutent|couteraient)\\b|\\b(?:demande de (?:devis|prix|cotation|chiffrage|proposition)|appel d offres|cahier des charges)\\b")
                .neg().question().condition(Condition.EXCHANGE).on("proposal quote quotation pricing price prices estimate offer cost costs rates much rfp rfq tenders devis offre proposition tarif tarifs prix chiffrage cotation grille conditions propale soumission combien cahier appel couts cout").build());
        // A meeting, call or demo that is booked or took place.
        r.add(rule("qualified.meeting", QUALIFIED, 0.8, null,
                "\\b(?:meeting|call|demo|demonstration|visit|appointment|session|workshop|presentation|video call|zoom|teams call)\\b (?:is |has been |was |are )?(?:now )?(?:confirmed|booked|scheduled|set up|arranged|planned)\\b"
                        + "|\\b(?:i|we) (?:have |just )?(?:booked|scheduled|set up|arranged|planned|blocked) (?:a |an |the |our |us |you |some |us a |you a )?(?:quick |short |first |follow up )?(?:call|meeting|demo|demonstration|visit|session|slot|time|appointment|workshop|presentation)\\b"
                        + "|\\b(?:i|we) (?:have |just )?sent (?:you |over )?(?:an |a |the )?(?:calendar |teams |zoom |meeting |google meet )?invit(?:e|ation)\\b"
                        + "|^(?:see you|talk|speak) (?:on |next |this )?(?:monday|tuesday|wednesday|thursday|friday|tomorrow|next week|then|soon on)\\b"
                        + "|\\bsee you (?:on |next |this )?(?:monday|tuesday|wednesday|thursday|friday|tomorrow|next week)\\b"
                        + "|\\blooking forward to (?:our|the|this|tomorrow s|monday s|tuesday s|wednesday s|thursday s|friday s) (?:call|meeting|demo|chat|conversation|visit|discussion|session|presentation)\\b"
                        + "|\\blooking forward to (?:meeting|speaking with|talking to|talking with|seeing) you (?:on|next|tomorrow|this|at)\\b"
                        + "|\\b" + DAY + "\\b.{0,30}?\\b(?:works|suits|is fine|is perfect|is good|is great|sounds good|sounds great|works perfectly)\\b"
                        + "|\\b(?:works|suits) (?:for )?(?:me|us|perfectly)\\b.{0,30}?\\b" + DAY + "\\b"
                        + "|\\b(?:thanks|thank you)\\b.{0,10}?\\bfor (?:your time|the (?:call|meeting|demo|presentation|visit|session|chat|conversation|great call|great meeting|great demo|productive call|productive meeting|time)|meeting with (?:me|us)|taking the time|speaking with (?:me|us)|the time (?:today|yesterday|this morning|this afternoon))\\b"
                        + "|\\bfollowing (?:up on |up after |up from )?(?:our|the|today s|yesterday s|this morning s|last week s|tuesday s|monday s|wednesday s|thursday s|friday s) (?:call|meeting|demo|conversation|discussion|phone call|chat|visit|presentation|workshop)\\b"
                        + "|\\b(?:great|good|nice|pleasure) (?:call|demo|talking|speaking|meeting you|chatting)\\b|\\bas discussed (?:on|during|in) (?:the|our) (?:call|meeting|demo|phone)\\b"
                        + "|\\b(?:rendez vous|rdv|reunion|appel|visio|visioconference|demo|demonstration|entretien|rencontre|point|call|presentation|atelier)\\b (?:est |a ete |sont |ont ete )?(?:bien )?(?:confirme|fixe|pris|planifie|cale|programme|reserve)e?s?\\b"
                        + "|\\bje vous confirme (?:notre|le|la|mon|ma|nos|votre|l) ?(?:rendez vous|rdv|reunion|appel|visio|demo|demonstration|entretien|rencontre|disponibilite|presence|venue|point)\\b"
                        + "|\\b(?:je vous ai|nous vous avons|j ai|nous avons|je viens de vous|je vous) ?(?:envoye|transmis|cale|planifie|bloque|reserve|programme|envoyer|envoie) (?:une |l |un |le |la )?(?:invitation|creneau|rdv|rendez vous|reunion|demo|visio)\\b"
                        + "|^(?:a|rendez vous|rdv|au plaisir de vous voir|a tres vite,? rendez vous) (?:lundi|mardi|mercredi|jeudi|vendredi|demain)\\b"
                        + "|\\b" + DAY + "\\b.{0,30}?\\b(?:me convient|nous convient|c est parfait|c est note|ca marche|ca me va|ca nous va|ok pour (?:moi|nous)|parfait pour (?:moi|nous)|c est bon pour (?:moi|nous))\\b"
                        + "|\\b(?:me|nous) convient (?:parfaitement |tres bien |bien )?\\b.{0,30}?\\b" + DAY + "\\b"
                        + "|\\bmerci (?:pour|de) (?:votre temps|cet echange|notre echange|l echange|la demo|la demonstration|le rendez vous|la reunion|votre accueil|l appel|cet appel|notre appel|le temps|la presentation|cette presentation|la visite|notre rencontre|cette rencontre)\\b"
                        + "|\\bsuite a (?:notre|mon|votre|la|nos) (?:echange telephonique|entretien|rendez vous|rdv|reunion|appel|conversation|demo|demonstration|visite|visio|rencontre|discussion|echange)\\b(?! (?:de mails|par mail|par email|par courriel|ecrit))"
                        + "|\\bcomme (?:convenu|evoque|discute|vu) (?:lors de|pendant|au cours de|durant|a) (?:notre|la|l) (?:echange|entretien|rendez vous|rdv|reunion|appel|conversation|demo|visite|visio|telephone)\\b")
                .neg().on("slot talk speak meeting meetings call calls demo demonstration visit appointment session workshop presentation zoom teams invite invitation see talking speaking chatting forward time temps accueil visite rendez rdv reunion appel visio visioconference entretien rencontre point atelier disponibilite presence venue creneau echange echanges telephone conversation discussion chat monday tuesday wednesday thursday friday tomorrow lundi mardi mercredi jeudi vendredi demain").build());
        // The customer names a day and an hour in a reply: the slot is agreed ("Jeudi 14 h, parfait.", "Call me tomorrow at 9").
        r.add(rule("qualified.slot-agreed", QUALIFIED, 0.75, INBOUND,
                "\\b" + DAY_OR_DATE + "\\b.{0,40}?" + CLOCK + "|" + CLOCK + ".{0,40}?\\b" + DAY_OR_DATE + "\\b")
                .neg().condition(Condition.EXCHANGE).on("monday tuesday wednesday thursday friday tomorrow lundi mardi mercredi jeudi vendredi demain january february march april may june july august september october november december janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre afternoon morning midi matin").build());
        // An NDA exchanged: both sides take the deal seriously, though nothing is bought yet.
        r.add(rule("qualified.nda", QUALIFIED, 0.7, null,
                "\\b(?:nda|non disclosure agreement|confidentiality agreement|accord de confidentialite|engagement de confidentialite)\\b")
                .neg().question().on("nda non confidentiality confidentialite").build());
        // The customer asks to meet (counts once both sides have written).
        r.add(rule("qualified.asks-to-meet", QUALIFIED, 0.65, INBOUND,
                "\\b(?:can|could|shall) we (?:schedule|set up|book|arrange|have|organize|organise|plan|do|hop on) (?:a |an )?(?:quick |short |first )?(?:call|meeting|demo|chat|presentation|visit)\\b"
                        + "|\\b(?:i|we) would (?:like|love) (?:a |an |to (?:see|schedule|book|have|set up|organize|arrange|get) )(?:a |an )?(?:quick |short |live |product )?(?:demo|call|meeting|presentation|demonstration|trial)\\b"
                        + "|\\blet us (?:schedule|set up|book|have|arrange|plan|find a time for) (?:a )?(?:quick |short )?(?:call|meeting|demo|chat)\\b"
                        + "|\\b(?:i am|we are) (?:free|available) (?:on |next |this )?" + DAY + "\\b|\\bwhat is your availability\\b|\\bwhen (?:are|would) you (?:be )?(?:available|free)\\b"
                        + "|\\b(?:send|share) (?:me|us) (?:a |an |your )?(?:calendar )?(?:invite|invitation|availability|availabilities|calendly|booking link)\\b"
                        + "|\\b(?:pourrions|pouvons|pourrait|peut|pourriez|pouvez) (?:nous|on|vous) (?:organiser|prevoir|planifier|caler|fixer|avoir|faire|programmer|proposer)\\b (?:un |une )?(?:rapide |petit |premier |premiere )?(?:rendez vous|rdv|reunion|appel|visio|demo|demonstration|point|echange|call|presentation|creneau)"
                        + "|\\b(?:nous souhaiterions|nous souhaitons|je souhaiterais|je souhaite|j aimerais|nous aimerions|nous voudrions|je voudrais)\\b.{0,25}?\\b(?:demo|demonstration|rendez vous|rdv|reunion|appel|presentation|visio|echange telephonique|essai)\\b"
                        + "|\\bvos disponibilites\\b|\\b(?:je suis|nous sommes) (?:disponibles?|libres?) (?:ce |le |des )?" + DAY + "\\b")
                .neg().question().condition(Condition.EXCHANGE).on("call meeting demo chat presentation visit demonstration trial free available availability availabilities invite invitation calendly booking rendez rdv reunion appel visio point echange creneau essai disponibilites disponible disponibles libre libres telephonique monday tuesday wednesday thursday friday tomorrow lundi mardi mercredi jeudi vendredi demain").build());

        // --- BANT: what the customer says about budget, authority, need and timing.
        r.add(rule("qualified.budget", QUALIFIED, 0.65, INBOUND, MONEY)
                .neg().question().condition(Condition.EXCHANGE).category("budget").build());
        r.add(rule("qualified.budget", QUALIFIED, 0.7, INBOUND,
                "\\b(?:pay up to|willing to pay|happy to pay|happily pay|can afford|grant|subvention|enveloppe)\\b|\\bbudget\\b.{0,40}?(?:\\d|\\bk\\b|approved|allocated|validated|set aside|signed off|valide|alloue|prevu|debloque|accorde|de l ordre|around|about|approximately|roughly|environ|autour|maximum|\\bmax\\b|€|\\$)"
                        + "|\\b(?:we can|we could|able to|prepared to|pret a|prets a|pouvons|pourrions) (?:spend|invest|investir|mettre|consacrer|allouer)\\b")
                .neg().question().condition(Condition.EXCHANGE).category("budget").on("pay afford grant subvention enveloppe budget spend invest investir mettre consacrer allouer").build());
        r.add(rule("qualified.authority", QUALIFIED, 0.75, INBOUND,
                "\\b(?:i|je) (?:decide|make the call|can sign|sign off|approve|peux signer|signe|valide|tranche)\\b|\\b(?:i am|i m|c est moi) (?:the one|la personne|celui|celle) (?:deciding|who decides|who signs|qui decide|qui signe|qui valide)\\b|\\bthe one deciding\\b"
                        + "|\\b(?:board|conseil d administration|conseil|comite|president|gerant|boss|owner|ceo|cfo|directeur general|direction)\\b.{0,30}?\\b(?:approves|decides|signs|validates|will approve|gave me|gave us|approved|valide|decide|signe|approuve|a donne|a vote|votera|vote)\\b"
                        + "|\\bdecision makers?\\b|\\bdecideurs?\\b|\\b(?:i|we) (?:make|will make|have|take) the (?:final )?(?:decision|call)\\b|\\bc est (?:moi|nous) qui (?:decide|decidons|valide|validons|signe|signons)\\b"
                        + "|\\b(?:our|the|my) (?:ceo|cfo|cto|coo|cio|board|director|managing director|vp|boss|management|procurement|purchasing team|finance team|leadership)\\b (?:has |have |is |are )?(?:approved|agreed|validated|signed off|on board|supportive|given (?:the|us) (?:green light|go ahead)|gave (?:the|us) (?:green light|go|ok))"
                        + "|\\b(?:notre|mon|ma|la) (?:directeur|directrice|dg|daf|direction|comite de direction|codir|pdg|president|presidente|direction generale|direction financiere|responsable achats|service achats)\\b (?:a |est |ont |sont )?(?:valide|donne son accord|donne son feu vert|approuve|d accord|favorable|partante?s?)")
                .neg().condition(Condition.EXCHANGE).category("authority").on("decide decides deciding decidons decision decisions decideur decideurs make sign signs approve approves signe signons valide validons tranche board conseil comite president presidente gerant boss owner ceo cfo cto coo cio director directeur directrice direction managing vp management procurement purchasing finance leadership dg daf codir pdg responsable service call peux").build());
        r.add(rule("qualified.timeline", QUALIFIED, 0.6, INBOUND,
                "\\b(?:go live|golive|launch|start|kick off|kickoff|deploy|deployment|roll out|rollout|implement|implementation|up and running|in place|operational|mise en place|mise en service|mise en production|deploiement|demarrage|demarrer|lancement|lancer|operationnels?|en place)\\b.{0,40}?\\b(?:by|before|in|for|early|mid|end of|avant|d ici|pour|en|des|debut|mi|fin|courant)\\b (?:the )?(?:end of |la fin de |fin |debut |mi )?(?:" + MONTH + "|q[1-4]|t[1-4]|next (?:month|quarter|year)|this (?:quarter|year)|la rentree|l ete|le printemps|l automne|l annee|20\\d\\d|\\d+ (?:weeks|months|semaines|mois))\\b"
                        + "|\\b(?:deadline|date butoir|date limite|has to be spent|must be spent|doit etre (?:depense|utilise|engage))\\b"
                        + "|\\b(?:need it|needs to run|need to be|needs to be|must be|doit etre|devons etre|voulons etre|voulons avoir|veut etre|souhaitons etre|has to be|have it) (?:live|running|ready|operational|in place|done|finished|operationnels?|en place|prets?|termine|fini)\\b")
                .neg().question().condition(Condition.EXCHANGE).category("timeline").on("go golive launch start kick kickoff deploy deployment roll rollout implement implementation up place operational mise deploiement demarrage demarrer lancement lancer operationnel operationnels deadline date butoir limite spent depense utilise engage need needs must doit devons voulons veut souhaitons has have").build());
        r.add(rule("qualified.timeline", QUALIFIED, 0.45, INBOUND,
                "\\b(?:by|before|avant|d ici|early|mid|late|end of|debut|mi|fin|courant|starting|a partir de|for|pour) (?:the |la |l |le )?(?:end of |fin |debut |mi |next |prochain )?(?:" + MONTH + "|q[1-4]|t[1-4]|this (?:harvest|season|quarter|year)|the (?:season|summer|holidays)|la (?:rentree|saison|fin de l annee)|cette (?:saison|annee))\\b")
                .neg().question().condition(Condition.EXCHANGE).category("timeline").on("january february march april may june july august september october november december janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre q1 q2 q3 q4 t1 t2 t3 t4 harvest season quarter year summer holidays rentree saison annee").build());
        r.add(rule("qualified.need", QUALIFIED, 0.45, INBOUND,
                "\\b(?:we are|we have been|i am) (?:looking for|searching for|evaluating|considering|comparing|assessing)\\b|\\bwe need (?:a|an|to|something|help)\\b"
                        + "|\\bnous (?:cherchons|recherchons|evaluons|etudions|comparons|envisageons)\\b|\\bnous (?:avons|aurions) besoin\\b|\\bnotre besoin\\b"
                        + "|\\b(?:our|my|notre|mon) (?:need|needs|requirement|requirements|problem|challenge|besoin|probleme|enjeu)\\b|\\b(?:about|around|roughly|approximately|some|environ|pres de|une|un) (?:\\d[\\d ]*|dizaine|vingtaine|trentaine|centaine) (?:\\w+ )?(?:\\w+)\\b"
                        + "|\\b\\d+ (?:users|seats|licenses|licences|utilisateurs|postes|commerciaux|sales reps|reps|employees|salaries|collaborateurs|agents|sites|magasins|stores|vehicules|trucks|camions|acces|badges|portes|doors|people|personnes|lots|residences|branches|agences)\\b")
                .neg().question().condition(Condition.EXCHANGE).category("need").on("looking searching evaluating considering comparing assessing need cherchons recherchons evaluons etudions comparons envisageons besoin our my notre mon about around roughly approximately some environ pres une un users seats licenses licences utilisateurs postes commerciaux reps employees salaries collaborateurs agents sites magasins stores vehicules trucks camions acces badges portes doors people personnes lots residences branches agences").build());

        // --- Won: they accept, sign, order.
        r.add(rule("won.accepted", WON, 0.85, INBOUND,
                "\\b(?:we|i) (?:happily |gladly |hereby |would like to |would love to |want to |are happy to |are pleased to |are glad to |are ready to |wish to |have decided to |decided to |can )?(?:accept|approve|validate|agree to|confirm|have accepted|have approved|have validated) (?:your |the |this |our |these )?(?:updated |revised |final |latest |new )?(?:proposal|quote|quotation|offer|terms|estimate|pricing|contract|order|conditions|agreement)\\b"
                        + "|\\b(?:proposal|quote|quotation|offer|estimate|order|contract|agreement|purchase|po|purchase order|sow|order form)\\b (?:is |has been |was |have been |are |got |has now been |is now )?(?:accepted|approved|signed|countersigned|validated|confirmed|placed|issued)\\b"
                        + "|\\b(?:we|i) (?:have |just |finally )?(?:signed|countersigned)\\b|\\breturned (?:the |it )?signed\\b"
                        + "|\\bsigned (?:copy|contract|agreement|quote|quotation|proposal|order|po|purchase order|order form|sow|statement of work|offer|version|document|pdf)\\b"
                        + "|\\b(?:attached|enclosed|here is|please find|here are|attaching|you will find)\\b.{0,40}?\\b(?:signed|purchase order|po|order form|our order)\\b"
                        + "|\\b(?:po|purchase order) (?:number|no|#|n)\\b|\\b(?:issued|raised|placed|created) (?:the |a |an |our )?(?:purchase order|po|order)\\b"
                        + "|\\blet us (?:go|do it|do this|proceed|get started|go ahead|sign|move forward|make it happen)\\b(?! (?:with|to) (?:a |the |an )?(?:demo|call|meeting|trial|pilot|poc|next step|discussion|evaluation))"
                        + "|\\b(?:we|i) (?:would like|want|are ready|am ready|have decided|decided|are happy|are pleased|are glad|are delighted|will|shall|can) to (?:proceed|go ahead|move forward|sign|place (?:an|the|our) order|order|buy|purchase|go with you|go with your|work with you|start working with you|move ahead|get started)\\b(?! (?:with|to) (?:a |the |an )?(?:demo|call|meeting|trial|pilot|poc|next step|discussion|evaluation|review))"
                        + "|\\b(?:please |you can |you may )?(?:go ahead|proceed) with (?:the |our )?(?:order|purchase|project|implementation|contract|deal|subscription|licen[cs]es|onboarding|setup|set up|invoice)\\b"
                        + "|\\b(?:green light|greenlight|the go ahead)\\b|\\byou (?:can|may) (?:start|proceed|go ahead|kick off|begin|invoice us|send (?:us )?the invoice|book the|schedule the (?:kickoff|kick off|onboarding))\\b"
                        + "|\\b(?:please )?(?:send|issue|email) (?:us |me )?(?:the|your|an|a) (?:final )?invoice\\b"
                        + "|\\b(?:we have |we )?(?:chosen|chose|selected|picked|decided to go with|are going with|will go with|went with) (?:you|your (?:company|team|offer|proposal|solution|firm|product|quote))\\b"
                        + "|\\b(?:we are|we re|all) good to go\\b|\\b(?:approved|signed off|agreed) (?:on|from) our (?:side|end)\\b|\\b(?:we|i) (?:will|shall) (?:go|proceed) with (?:the|your) (?:\\w+ )?(?:plan|package|option|offer|proposal|quote|tier|bundle|subscription)\\b"
                        + "|\\b(?:count us in|you have a deal|you have got a deal|it is a deal|deal done|we have a deal|you have got the (?:deal|contract|business|job))\\b")
                .neg().on("good approved signed agreed will shall accept approve validate agree confirm accepted approved validated proposal quote quotation offer estimate order contract agreement purchase po sow form signed countersigned returned attached enclosed here please attaching find number issued raised placed created let go proceed ahead move sign buy chose chosen selected picked decided going went green greenlight invoice count deal start kick begin book schedule").build());
        r.add(rule("won.accepted", WON, 0.85, INBOUND,
                "\\bbon pour accord\\b"
                        + "|\\b(?:nous|je) (?:(?:souhaitons|souhaite|voulons|veux|allons|vais|pouvons|sommes prets a|suis pret a|avons decide d|avons decide de) )?(?:acceptons|accepte|validons|valide|approuvons|approuve|confirmons|confirme|retenons|signons|accepter|valider|approuver|confirmer|retenir|signer) (?:votre|la|le|l|cette|ce|notre|les|vos|ces) ?(?:derniere |nouvelle |dernier |nouveau )?(?:offre|proposition|devis|conditions|commande|contrat|tarifs?|propale|soumission|bon de commande)\\b"
                        + "|\\b(?:devis|offre|proposition|contrat|commande|bon de commande|propale|soumission|soumissions)\\b (?:est |a ete |ont ete |sont |bien |est bien |a bien ete )?(?:signes?|signees?|acceptes?|acceptees?|valides?|validees?|approuves?|approuvees?|confirmes?|confirmees?|retournes?|retournees?|contresignes?|contresignees?)\\b(?! (?:jusqu|pendant|durant|\\d))"
                        + "|\\b(?:j ai|nous avons|on a|je viens de|nous venons de) (?:bien )?(?:signe|contresigne|valide|accepte|approuve) (?:le|la|l|votre|vos|les|notre|ce|cette) ?(?:devis|offre|proposition|contrat|commande|bon de commande|propale|soumission|conditions)\\b"
                        + "|\\b(?:j ai|nous avons|on a) (?:bien )?signe\\b"
                        + "|\\b(?:ci joint|ci jointe|ci joints|en piece jointe|en pj|vous trouverez|veuillez trouver|voici|je vous transmets|nous vous transmettons|je vous renvoie|nous vous renvoyons|je vous retourne|nous vous retournons)\\b.{0,50}?\\b(?:signes?|signees?|bon de commande|notre commande|bdc|contresignes?)\\b"
                        + "|\\bc est valide\\b|\\bvalide de notre cote\\b|\\b(?:je vous donne|nous vous donnons|vous avez) (?:mon|notre) (?:accord|feu vert)\\b|\\b(?:nous partons|on part|je pars|nous partirons) (?:sur|avec) (?:votre|vos|la|le|l|ton) ?(?:offre|proposition|devis|formule|solution|pack|option|abonnement|contrat|vous)\\b"
                        + "|\\b(?:on y va|c est parti|allons y|banco|feu vert|top depart|go pour)\\b|\\bvous pouvez (?:lancer|demarrer|commencer|proceder|y aller|passer commande|nous facturer|facturer|planifier (?:le|la) (?:demarrage|mise en place|formation|installation))\\b|\\bc est (?:valide|d accord) pour (?:nous|moi)\\b"
                        + "|\\b(?:nous souhaitons|nous allons|nous voulons|nous sommes prets a|nous avons decide de|je souhaite|nous decidons de|nous pouvons|que nous allons|nous sommes heureux de|nous sommes ravis de)\\b ?(?:donc )?(?:passer (?:la |une |notre )?commande|commander|signer|aller de l avant|donner une suite favorable|travailler avec vous|vous confier|lancer le projet avec vous|avancer avec vous|retenir votre|vous retenir)"
                        + "|\\b(?:retenons|avons retenu|avons choisi|choisissons|avons decide de retenir|avons selectionne) (?:votre|vos)\\b|\\bvous avez ete (?:retenus?|retenues?|selectionnes?|choisis?)\\b|\\bvotre (?:offre|proposition|societe|solution|cabinet|devis) a ete (?:retenue?|selectionnee?|choisie?)\\b"
                        + "|\\b(?:envoyez|adressez|transmettez|faites parvenir) (?:nous|moi) (?:la|votre|une) facture\\b|\\bmerci de (?:nous |me )?(?:envoyer|adresser|transmettre|faire parvenir|etablir|emettre) (?:la|votre|une) facture\\b"
                        + "|\\b(?:nous passons|je passe|nous passerons) (?:la |une |notre )?commande\\b|\\b(?:donner|donnons) (?:une )?suite favorable\\b")
                .neg().on("c valide partons part pars partirons donne donnons avez bon accord acceptons accepte validons valide approuvons approuve confirmons confirme retenons signons accepter valider approuver confirmer retenir signer devis offre proposition contrat commande propale soumission signes signe signee signees acceptes acceptee valides validee approuves approuvee confirmes confirmee retournes retournee contresigne contresignes joint jointe joints pj trouverez veuillez voici transmets transmettons renvoie renvoyons retourne retournons bdc y parti allons banco feu top go passer commander aller donner travailler confier lancer avancer retenu choisi choisissons selectionne retenus retenues selectionnes choisis facture passons passe passerons suite pouvez").build());
        r.add(rule("won.confirmed-by-us", WON, 0.75, OUTBOUND,
                "\\b(?:thank you|thanks)\\b.{0,10}?\\bfor (?:your|the) (?:order|purchase|signature|signed|po|purchase order|business)\\b"
                        + "|\\b(?:thank you|thanks)\\b.{0,10}?\\bfor (?:signing|choosing us|choosing (?:our|\\w+ as)|returning the signed|placing (?:the|your) order)\\b|\\bmerci (?:d avoir|de nous avoir) (?:signe|choisis?|retenus?|fait confiance|passe commande)\\b"
                        + "|\\b(?:received|got|receipt of) (?:your|the) (?:signed|purchase order|po|order|countersigned)\\b|\\bwelcome aboard\\b"
                        + "|\\bmerci (?:pour|de) (?:votre|la) (?:commande|signature)\\b"
                        + "|\\b(?:bien recu|avons recu|ai recu|accusons reception|reception de) (?:votre|le|la|du|de la|de votre) (?:bon de commande|commande|contrat signe|devis signe|signature|offre signee|proposition signee)"
                        + "|\\b(?:ravie?s?|heureux|heureuse|enchantes?) de (?:vous compter parmi|travailler avec vous|vous accueillir parmi)\\b|\\bbienvenue parmi nos clients\\b")
                .neg().on("signing choosing returning placing avoir order purchase signature signed po business received got receipt welcome commande recu reception ravi ravie ravis heureux heureuse enchantes compter bienvenue accusons").build());
        r.add(rule("won.invoice-sent", WON, 0.7, OUTBOUND,
                "\\b(?:attached|please find|here is|enclosed|ci joint|ci jointe|voici|vous trouverez|en piece jointe)\\b.{0,40}?\\b(?:invoice|facture)\\b")
                .neg().condition(Condition.AFTER_PROPOSAL).on("invoice facture").build());

        // --- Lost: explicit only. The inherently negative phrasings are not negatable.
        r.add(rule("lost.declined", LOST, 0.85, INBOUND,
                "\\b(?:not|no longer|non|pas|plus) (?:really |very |currently )?(?:interested|interesses?|interessees?)\\b(?! (?:in|par|at|dans) (?:the|this|a|le|la|les|ce|cette|l) ?(?:option|module|feature|add on|upgrade|extension|premium|tier|plan))(?! (?:at the moment|right now|for now|at this time|at present|this year|this quarter|pour le moment|pour l instant|actuellement|en ce moment|cette annee|pour cette annee|pour l heure))"
                        + "|\\bnot (?:moving|going) (?:forward|ahead)\\b|\\b(?:will|shall|are going to|would) not (?:be )?(?:proceed|proceeding|moving forward|move forward|pursue|pursuing|go ahead|going ahead|continue|continuing|going forward|moving ahead)\\b"
                        + "|\\bdecided (?:not to|against) (?:proceed|move forward|go ahead|pursue|buy|purchase|continue|go with|sign|renew|moving|going|proceeding|pursuing)\\b"
                        + "|\\b(?:ne|n) (?:donnerons|donnera|donnons|souhaitons|pouvons|allons|voulons|pourrons) (?:pas|plus) (?:donner )?suite\\b|\\bne pas donner suite\\b|\\bsans suite\\b"
                        + "|\\bne (?:souhaitons|voulons|pouvons|allons|pourrons) (?:pas|plus) (?:poursuivre|continuer|aller plus loin|donner suite|retenir votre|avancer|travailler avec vous)\\b|\\bne (?:retiendrons|retenons) pas\\b"
                        + "|\\bne correspond (?:pas|plus) (?:a nos|a notre|a mes)\\b|\\bdoes not (?:fit|meet|match) our (?:needs|requirements|budget)\\b|\\bnot (?:a|the right) fit\\b"
                        + "|\\b(?:remove (?:me|us) from|stop (?:contacting|emailing|writing to) (?:me|us)|unsubscribe me|ne plus (?:me|nous) (?:contacter|solliciter|ecrire)|merci de (?:me|nous) retirer)\\b"
                        + "|\\b(?:we|i) (?:will|are going to|must|have to|shall|will have to) (?:pass|decline)\\b|\\bwe (?:are )?(?:passing|declining)\\b"
                        + "|\\b(?:decline|declining|declinons|decliner|declinerons) (?:your|the|votre|l|cette) (?:offer|proposal|quote|offre|proposition|devis)\\b"
                        + "|\\b(?:votre|l|notre|cette) (?:offre|proposition|devis|candidature|dossier) n (?:a|est) pas (?:ete )?retenue?s?\\b|\\bnon retenue?s?\\b|\\bpas ete retenue?s?\\b"
                        + "|\\bit is a no\\b|\\bthe answer is no\\b|\\bc est non\\b|\\bne pas (?:poursuivre|donner suite|aller plus loin|retenir votre)\\b|\\btake (?:me|us) off\\b"
                        + "|\\bbudget (?:was |has been |is )?(?:not approved|never approved|rejected|refused|denied)\\b|\\bbudget (?:n a pas ete|n est pas) (?:valide|accorde|approuve|vote)\\b|\\bbudget (?:a ete )?refuse\\b")
                .question().on("budget take ne pas interested interesse interesses interessee interessees moving going proceed proceeding move pursue pursuing ahead continue continuing decided decide suite poursuivre continuer retiendrons retenons correspond fit meet match remove stop unsubscribe contacter solliciter ecrire retirer pass decline declining passing declinons decliner declinerons retenue retenu retenus retenues no non").build());
        r.add(rule("lost.chose-another", LOST, 0.85, INBOUND,
                "\\b(?:went|gone|going|go|decided to go|chose to go|will go|are going|opted to go|decided to stay|will stay|are staying|stay) with (?:another|a different|an other|other|a competing|a competitor|the competitor|the other|an alternative|an existing|our existing|our current|a local|an internal|another|one of your competitors|someone else)\\b"
                        + "|\\b(?:chose|chosen|selected|picked|decided on|opted for|awarded (?:the contract|it|the project) to|signed with|went for) (?:another|a different|a competing|a competitor|the competitor|other|an alternative|one of your competitors|someone else|a cheaper)\\b"
                        + "|\\b(?:project|initiative|budget|purchase|opportunity|rfp|tender) (?:has been |was |is |got |have been )?(?:cancelled|canceled|scrapped|killed|abandoned|dropped|terminated)\\b"
                        + "|\\b(?:projet|budget|achat|appel d offres) (?:est |a ete )?(?:definitivement )?(?:annule|abandonne|supprime|arrete|stoppe)e?s?\\b"
                        + "|\\b(?:avons|ai|a) (?:finalement )?(?:retenu|choisi|opte pour|selectionne|prefere|decide de travailler avec|signe avec|decide de partir sur|decide d aller vers|decide de rester avec|decide de poursuivre avec)\\b.{0,30}?\\b(?:autre|autres|concurrent|concurrente|concurrents|prestataire actuel|fournisseur actuel|solution interne|partenaire historique|notre prestataire|notre fournisseur)\\b"
                        + "|\\b(?:keep|keeping|stay with|staying with|stick with|sticking with|remain with|renew with|renewed with) (?:our|the) (?:current|existing|present|incumbent) (?:provider|vendor|supplier|solution|tool|system|partner|software|contract)\\b"
                        + "|\\b(?:rester|restons|resterons|conserver|conservons|garder|gardons|renouveler|renouvelons) (?:avec |chez )?(?:notre|le|la|nos) (?:prestataire|fournisseur|outil|solution|logiciel|partenaire|editeur|systeme|contrat)s? (?:actuel|actuelle|actuels|historique|en place)\\b"
                        + "|\\bunfortunately\\b.{0,60}?\\b(?:another|other|different) (?:vendor|provider|supplier|solution|company|partner|option)\\b"
                        + "|\\bmalheureusement\\b.{0,60}?\\b(?:autre (?:prestataire|fournisseur|solution|editeur|offre|partenaire)|concurrent|concurrente)\\b")
                .neg().on("current existing present incumbent actuel actuelle actuels historique place another different other competing competitor alternative existing current local internal competitors someone cheaper cancelled canceled scrapped killed abandoned dropped terminated annule annulee abandonne abandonnee supprime arrete stoppe autre autres concurrent concurrente concurrents actuel interne historique prestataire fournisseur").build());

        // Polite losses that name no competitor: another direction, kept in house, "notre choix s'est porté sur…".
        r.add(rule("lost.other-direction", LOST, 0.8, INBOUND,
                "\\b(?:go|going|gone|went|head|heading|headed|move|moving|moved|take|taking|took|taken) (?:(?:this|it|the project|things|our project) )?(?:in |into )?(?:a |an )?(?:different|another|other|new) (?:direction|way|route|path)\\b"
                        + "|\\b(?:decided|decide|chose|chosen|opted|prefer|preferred|will|are going|have decided) to (?:keep|do|build|handle|bring|develop|run) (?:(?:this|it|the project|the work|things|everything) )?(?:in house|internally)\\b"
                        + "|\\b(?:opted for|chose|chosen|selected|decided on|went with|go with|going with|settled on) (?:an |a |our )?(?:in house|internal) (?:solution|tool|team|option|build|development|system)\\b"
                        + "|\\b(?:notre|le|mon) choix s est (?:finalement )?porte sur\\b|\\b(?:fait|faire|faisons) (?:le choix d (?:une?|un) autre|un autre choix)\\b"
                        + "|\\b(?:orientes?|orientees?|orientons|oriente|tournes?|tournees?|tournons) vers (?:une?|un|d autres?) (?:autre|autres|solution concurrente|concurrent|prestataire)\\b"
                        + "|\\b(?:partir|partons|partirons|aller|allons|prendre|pris|prenons|prendrons) (?:dans |vers )?(?:une |un )?autre (?:direction|orientation|voie|chemin)\\b"
                        + "|\\b(?:prefere|preferons|decide d|decide de|choisi d|choisi de|opte pour|allons|avons decide d) (?:finalement )?(?:internaliser|(?:le |la |les |tout )?(?:faire|realiser|gerer|developper|traiter|garder) en interne)\\b")
                .neg().on("direction way route path house internally internal choix porte orientes oriente orientee orientees orientons tournes tourne tournee tournees tournons orientation voie chemin internaliser interne").build());

        // --- Fridge: not now, revisit later.
        r.add(rule("fridge.not-now", FRIDGE, 0.8, INBOUND,
                "\\bnot (?:the |a )?(?:right|good|best|ideal|great) (?:time|timing|moment)\\b|\\btiming is not (?:right|ideal|good)\\b|\\bbad timing\\b"
                        + "|\\bpas (?:le|un) (?:bon )?moment\\b|\\bmauvais moment\\b|\\bpas le bon timing\\b"
                        + "|\\bnot (?:a )?(?:priority|priorities|top priority) (?:right now|at the moment|for now|this (?:year|quarter)|anymore|currently)?\\b|\\b(?:pas|plus) (?:une |notre )?priorite\\b"
                        + "|\\bnot (?:right )?now\\b|\\bnot (?:for|at) (?:now|the moment|this time|present)\\b|\\bnot this (?:year|quarter)\\b"
                        + "|\\bpas (?:pour|dans) (?:le moment|l instant|tout de suite|maintenant|cette annee|ce trimestre|l immediat)\\b|\\bpas maintenant\\b"
                        + "|\\b(?:pas avant|not before|not until|no earlier than) (?:the |la |l |le )?(?:" + MONTH + "|rentree|annee prochaine|next year|next quarter|prochain trimestre|20\\d\\d|q[1-4]|t[1-4]|ete|summer|automne|fall|autumn|printemps|spring)\\b"
                        + "|\\b(?:put|putting|placed|place|is|are|been|be|remain|remains|keep|keeping|stay|stays)\\b (?:\\w+ ){0,3}?on (?:hold|ice)\\b"
                        + "|\\b(?:mis|mise|mettons|mettre|met|sommes|est|sont|reste|restons|restent)\\b (?:\\w+ ){0,3}?en (?:attente|pause|suspens|stand by|standby|veille)\\b(?! de| d )"
                        + "|\\bfreezing (?:all |new |any |our )*(?:projects|spending|purchases|budgets?|investments)\\b|\\b(?:budget|budgets|hiring|spending) (?:is |are |has been |have been |was )?(?:frozen|freeze|cut|slashed|on hold)\\b|\\b(?:budget|budgets) (?:est |sont |a ete |ont ete )?(?:gele|geles|coupe|coupes|suspendu|suspendus|reporte|reportes)\\b|\\bgel (?:des|du) budgets?\\b"
                        + "|\\b(?:project|initiative|decision|purchase|rollout|projet|achat|dossier|sujet|initiative)\\b (?:\\w+ ){0,3}?(?:postponed|pushed back|pushed out|deferred|delayed|paused|shelved|reporte|reportee|repousse|repoussee|decale|decalee|suspendu|suspendue|differe|differee)\\b"
                        + "|\\b(?:revisit|reconnect|reach out|reach back out|get back in touch|get back to you|circle back|touch base|follow up|talk|come back to (?:this|it|you)|contact (?:us|me)|check back|try again|speak|pick (?:this|it) (?:back )?up|resume|revenir vers (?:vous|nous|moi)|revenez vers (?:moi|nous)|recontact\\w*|(?:reprendre|reprenons|reprendrons|reprend|reprends|reprendra|reprendrai) contact|refaire (?:le|un) point|(?:en )?(?:reparler|reparle|reparlons|reparlerons|rediscuter|rediscute|rediscutons|rediscuterons)|relancer|relancez|reviendrons vers vous|reviendrai vers vous|revenons vers vous|faire (?:le|un) point|reprendre (?:le sujet|ce sujet|le dossier|la discussion))\\b.{0,40}?\\b" + LATER + "\\b"
                        + "|\\b(?:maybe|perhaps|possibly|probably|peut etre|probablement|sans doute)\\b.{0,20}?\\b" + LATER + "\\b")
                .question().on("freezing revenez conges estivale treve hiver winter break season reprend reprends reprendra reprendrai reprenons reprendrons reorganisation reorganization merger vacances time timing moment priority priorities now year quarter right bon mauvais priorite maintenant instant avant before until earlier hold ice attente pause suspens stand standby veille frozen freeze cut slashed gele geles coupe coupes suspendu suspendus reporte reportes gel postponed pushed deferred delayed paused shelved reportee repousse repoussee decale decalee suspendue differe differee next months weeks rentree ete automne printemps annee an trimestre semestre mois q1 q2 q3 q4 t1 t2 t3 t4 spring summer fall autumn winter holidays budget 2025 2026 2027 2028 january february march april may june july august september october november december janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre").build());

        // --- Re-engagement after the fridge or a loss.
        r.add(rule("reopened.re-engaged", Milestone.CONTACTED, 0.75, INBOUND,
                "\\b(?:back on (?:track|the table|our agenda)|revive|revisit (?:your|the|our) (?:proposal|offer|quote|discussion|conversation)|resume (?:our|the) (?:discussion|conversation|project|talks)|restart|re open|reopen|pick (?:this|it|things|our discussion) (?:back )?up"
                        + "|ready to (?:move|talk|restart|resume|discuss|go|proceed|start)|budget (?:is |has been |was )?(?:now )?(?:approved|released|unlocked|available|unfrozen|back)|circling back|coming back to you|getting back to you|getting back in touch|back in touch"
                        + "|timing is (?:now )?right|now a good time|(?:is|are) now a priority|things have changed|situation has changed|did not work out|still interested|interested again|still valid)\\b"
                        + "|\\b(?:relancer|reprendre|redemarrer|reactiver|rouvrir|reouvrir|relance|reprise)\\b (?:le |ce |notre |du |de |la |les |nos )?(?:projet|sujet|dossier|discussion|echange|discussions|echanges|consultation)"
                        + "|\\b(?:je|nous) (?:reviens|revenons) vers vous\\b|\\b(?:le )?budget (?:est |a ete )?(?:maintenant |enfin )?(?:debloque|valide|disponible|accorde|degele|libere)"
                        + "|\\ble moment est venu\\b|\\bnous sommes (?:maintenant |desormais |enfin )?prets\\b|\\b(?:de nouveau|a nouveau|toujours) (?:interesses?|d actualite|partants?|valable)\\b"
                        + "|\\bredevient (?:une )?priorite\\b|\\bc est (?:maintenant|desormais) (?:le bon moment|une priorite)\\b|\\bn a pas (?:fonctionne|marche|donne satisfaction)\\b")
                .question().condition(Condition.REOPEN).on("valable partant partants actualite back revive revisit resume restart re reopen pick ready budget circling coming getting timing now things situation work worked interested valid relancer reprendre redemarrer reactiver rouvrir reouvrir relance reprise reviens revenons debloque disponible accorde degele libere moment prets nouveau toujours redevient desormais fonctionne marche satisfaction still").build());
        return List.copyOf(r);
    }

    private static Map<String, Long> index() {
        if (RULES.size() > Long.SIZE) throw new IllegalStateException("more rules than bits in a long");
        var map = new HashMap<String, Long>();
        for (int i = 0; i < RULES.size(); i++) {
            long bit = 1L << i;
            for (var w : RULES.get(i).triggers()) map.merge(w, bit, (a, b) -> a | b);
        }
        return Map.copyOf(map);
    }

    private static long always() {
        long mask = 0;
        for (int i = 0; i < RULES.size(); i++) if (RULES.get(i).triggers().isEmpty()) mask |= 1L << i;
        return mask;
    }

    /** The rules worth trying on a normalized text: those one of whose trigger words it contains. */
    static long candidates(String normalized) {
        long mask = ALWAYS;
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            char c = i < normalized.length() ? normalized.charAt(i) : ' ';
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                Long bits = RULES_BY_WORD.get(normalized.substring(start, i));
                if (bits != null) mask |= bits;
                start = -1;
            }
        }
        return mask;
    }

    private static Builder rule(String name, Milestone m, double confidence, Direction d, String regex) {
        return new Builder(name, m, confidence, d, regex);
    }

    private static final class Builder {
        final String name;
        final Milestone milestone;
        final double confidence;
        final Direction direction;
        final String regex;
        boolean negatable;
        boolean question;
        Condition condition = Condition.NONE;
        String category = "";
        Set<String> triggers = Set.of();

        Builder(String name, Milestone milestone, double confidence, Direction direction, String regex) {
            this.name = name;
            this.milestone = milestone;
            this.confidence = confidence;
            this.direction = direction;
            this.regex = regex;
        }

        Builder neg() {
            negatable = true;
            return this;
        }

        Builder question() {
            question = true;
            return this;
        }

        Builder condition(Condition c) {
            condition = c;
            return this;
        }

        Builder category(String c) {
            category = c;
            return this;
        }

        /** Words (normalized) one of which every match contains: the rule is skipped for messages without any. */
        Builder on(String words) {
            triggers = Set.copyOf(java.util.Arrays.asList(words.trim().split("\\s+")));
            return this;
        }

        Rule build() {
            var pattern = Pattern.compile(regex);
            return new Rule(name, milestone, confidence, direction, pattern, triggers, negatable, question, condition, category,
                    LiteralPrefilter.of(pattern));
        }
    }
}
