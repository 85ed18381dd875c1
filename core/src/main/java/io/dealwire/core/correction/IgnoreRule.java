package io.dealwire.core.correction;

import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.party.OwnDomains;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Mail from or to this sender (an address) or domain is personal: it is kept out of every CRM view
 * and the search index, and never creates contacts or deals.
 */
public record IgnoreRule(String id, Kind kind, String value, String byUserId, Instant at) {
    public enum Kind { SENDER, DOMAIN }

    public IgnoreRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        value = value.trim().toLowerCase(Locale.ROOT);
        if (kind == Kind.DOMAIN) while (value.startsWith("@") || value.startsWith(".")) value = value.substring(1);
        if (value.isEmpty()) throw new IllegalArgumentException("an ignore rule needs an address or a domain");
    }

    /** An address rule matches that address; a domain rule matches the domain and its subdomains. */
    public boolean matches(EmailAddress address) {
        if (address == null) return false;
        if (kind == Kind.SENDER) return address.address().equals(value);
        var d = address.domain();
        return d.equals(value) || d.endsWith("." + value);
    }

    /** The message is personal mail under this rule: its sender matches, or we wrote it to a recipient that matches. */
    public boolean appliesTo(MailMessage mail, OwnDomains ownDomains) {
        if (matches(mail.from())) return true;
        return ownDomains.isOurs(mail.from()) && mail.to().stream().anyMatch(this::matches);
    }
}
