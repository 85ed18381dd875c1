package io.dealwire.core.party;

import io.dealwire.core.message.EmailAddress;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Addresses that belong to software or to bulk mailing, not to a person: no-reply senders, bounce
 * handlers, list robots, newsletters and offers (book-news@, the_economist-business-admin@lists…,
 * great_steaks@offer.…, tracking ids such as 419899.247679897.1@newsbyemail…). They never become contacts
 * and never open a deal, whatever the message says. Deliberately leaves role addresses a small customer may
 * write from (contact@, info@, sales@) to the person's side.
 */
public final class MachineAddresses {
    private static final Pattern MACHINE_LOCAL_PART = Pattern.compile(
            "(?i)^(no[-_.]?reply|do[-_.]?not[-_.]?reply|ne[-_.]?pas[-_.]?repondre|nepasrepondre|noreponse|no[-_.]?response"
                    + "|mailer[-_.]?daemon|postmaster|bounces?|bounce[-+_.].*|.*[-+_.]bounces?|notifications?|notify"
                    + "|auto[-_.]?reply|autoreply|auto[-_.]?confirm|daemon|listserv|majordomo|mailman|.*-request|.*-owner|owner-.*)(\\+.*)?$");
    /** Words of a local part (split on . _ - +) that only software and bulk senders use. */
    private static final Set<String> BULK_WORDS = Set.of(
            "newsletter", "newsletters", "news", "enews", "announce", "announcement", "announcements", "bulletin", "digest",
            "alert", "alerts", "update", "updates", "subscription", "subscriptions", "subscribe", "unsubscribe", "promo", "promos",
            "promotion", "promotions", "offers", "deals", "hotdeals", "sweeps", "sweepstakes", "marketing", "mailer", "mailing",
            "list", "lists", "admin", "notification", "notifications", "lettre", "actualites", "infolettre", "communication",
            "campaign", "campaigns", "emailing", "mailings");
    /** First labels of a sending host that marks bulk mail: lists.economist.com, offer.omahasteaks.com, enews.buy.com. */
    private static final Set<String> BULK_HOSTS = Set.of(
            "lists", "list", "news", "newsletter", "newsletters", "enews", "email", "emails", "e", "em", "mailer", "mailing",
            "bounce", "bounces", "reply", "offer", "offers", "promo", "marketing", "campaign", "mkt", "info", "notifications", "notify");

    /** Hosts named for bulk sending: zdlists.com, msnnewsletters.…, customoffers.com, optin-offers.net. */
    private static final Pattern BULK_HOST_PART = Pattern.compile("(?i)(lists|newsletters?|optin|mailings|[a-z]offers)[.-]|(^|[.-])(offers|promo)\\d*[.-]");

    private MachineAddresses() {
    }

    public static boolean isMachine(EmailAddress address) {
        if (address == null) return true;
        var local = address.localPart();
        if (MACHINE_LOCAL_PART.matcher(local).matches()) return true;
        int digits = 0;
        for (int i = 0; i < local.length(); i++) if (Character.isDigit(local.charAt(i))) digits++;
        if (digits >= 8) return true; // tracking ids, not a person's name
        for (var token : local.split("[._+\\-]+")) {
            var word = token.replaceAll("\\d+$", "");
            if (BULK_WORDS.contains(word) || word.startsWith("newsletter")) return true;
            // schwabalerts, etcadmin, greatdeals, wagerlist: a brand glued to a bulk word
            if (word.length() > 4 && (word.endsWith("news") || word.endsWith("alerts") || word.endsWith("admin")
                    || word.endsWith("deals") || word.endsWith("offers"))) return true;
            if (word.length() > 6 && word.endsWith("list")) return true;
        }
        var domain = address.domain();
        if (BULK_HOST_PART.matcher(domain).find()) return true;
        int dot = domain.indexOf('.');
        // only a subdomain counts: e.example.com is bulk, e.com is not
        return dot > 0 && domain.indexOf('.', dot + 1) > 0 && BULK_HOSTS.contains(domain.substring(0, dot));
    }
}
