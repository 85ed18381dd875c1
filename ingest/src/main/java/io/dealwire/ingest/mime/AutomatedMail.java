package io.dealwire.ingest.mime;

import io.dealwire.core.message.EmailAddress;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Recognises mail sent by machines (auto-replies, lists, bulk, bounces) from its headers and sender. */
final class AutomatedMail {
    private static final Set<String> MACHINE_SENDERS = Set.of("no-reply", "noreply", "no_reply", "donotreply",
            "do-not-reply", "do_not_reply", "mailer-daemon", "postmaster", "bounce", "bounces", "notifications",
            "notification");
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "^\\s*(out of (the )?office|automatic reply|auto(matic)?[- ]?reply|autoreply|réponse automatique|absence|"
                    + "abwesenheit|delivery status notification|undeliverable|undelivered mail|mail delivery failed|"
                    + "returned mail)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private AutomatedMail() {
    }

    /**
     * Why this mail is automated, or null for a person's mail.
     *
     * @param header       the first value of a header, or null when absent
     * @param deliveryReport the message is a multipart/report
     */
    static String reason(Function<String, String> header, EmailAddress from, String subject, boolean deliveryReport) {
        String autoSubmitted = header.apply("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.isBlank() && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "auto-submitted: " + autoSubmitted.trim().toLowerCase(Locale.ROOT);
        }
        if (header.apply("X-Autoreply") != null || header.apply("X-Autorespond") != null
                || header.apply("X-Autoresponder") != null) {
            return "auto-reply";
        }
        if (deliveryReport) return "delivery report";
        String precedence = header.apply("Precedence");
        if (precedence != null) {
            String p = precedence.trim().toLowerCase(Locale.ROOT);
            if (p.equals("bulk") || p.equals("list") || p.equals("junk")) return "precedence: " + p;
        }
        if (header.apply("List-Id") != null) return "mailing list";
        if (header.apply("List-Unsubscribe") != null) return "bulk mail (List-Unsubscribe)";
        if (from != null) {
            String local = from.localPart();
            if (MACHINE_SENDERS.contains(local) || local.startsWith("noreply") || local.startsWith("no-reply")
                    || local.startsWith("donotreply") || local.startsWith("do-not-reply")) {
                return "no-reply sender";
            }
        }
        boolean autoHeaders = header.apply("X-Auto-Response-Suppress") != null
                || header.apply("X-MS-Exchange-Inbox-Rules-Loop") != null
                || "<>".equals(trim(header.apply("Return-Path")));
        if (subject != null && autoHeaders && AUTO_SUBJECT.matcher(subject).matches()) return "auto-reply";
        return null;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
