package io.dealwire.core.party;

import io.dealwire.core.message.EmailAddress;

import java.util.regex.Pattern;

/**
 * Addresses that belong to software, not to a person: no-reply senders, bounce handlers, notification
 * robots. They never become contacts, whatever the message says.
 */
public final class MachineAddresses {
    private static final Pattern MACHINE_LOCAL_PART = Pattern.compile(
            "(?i)^(no[-_.]?reply|do[-_.]?not[-_.]?reply|ne[-_.]?pas[-_.]?repondre|nepasrepondre|noreponse|no[-_.]?response"
                    + "|mailer[-_.]?daemon|postmaster|bounces?|bounce[-+_.].*|.*[-+_.]bounces?|notifications?|notify|alerts?"
                    + "|auto[-_.]?reply|autoreply|auto[-_.]?confirm|daemon|listserv|majordomo|mailman|.*-request|.*-owner|owner-.*"
                    + "|newsletters?|news|mailing|marketing|campaigns?|e?news[-_.]?letter)(\\+.*)?$");

    private MachineAddresses() {
    }

    public static boolean isMachine(EmailAddress address) {
        return address == null || MACHINE_LOCAL_PART.matcher(address.localPart()).matches();
    }
}
