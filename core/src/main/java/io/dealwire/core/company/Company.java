package io.dealwire.core.company;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A customer company, known by its registrable domain(s) (public-suffix aware: mail.acme.co.uk → acme.co.uk). */
public record Company(String id, String name, List<String> domains, Instant createdAt) {
    public Company {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        domains = List.copyOf(domains == null ? List.of() : domains);
    }

    public String primaryDomain() {
        return domains.isEmpty() ? "" : domains.getFirst();
    }
}
