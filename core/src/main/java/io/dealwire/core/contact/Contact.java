package io.dealwire.core.contact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An external person. One person may write from several addresses. {@code companyId} is null for a
 * person account (a customer on free mail); {@code formerCompanyIds} keeps the history when they move.
 */
public record Contact(
        String id,
        String name,
        List<String> emails,
        String title,
        List<String> phones,
        String companyId,
        List<String> formerCompanyIds,
        String website,
        Instant createdAt) {

    public Contact {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        emails = List.copyOf(emails == null ? List.of() : emails);
        title = title == null ? "" : title;
        phones = List.copyOf(phones == null ? List.of() : phones);
        formerCompanyIds = List.copyOf(formerCompanyIds == null ? List.of() : formerCompanyIds);
        website = website == null ? "" : website;
    }

    public String primaryEmail() {
        return emails.isEmpty() ? "" : emails.getFirst();
    }
}
