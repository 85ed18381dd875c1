package io.dealwire.core.company;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain index stays true to the companies as they are saved, changed and deleted. */
class InMemoryCompanyRepositoryTest {
    private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository();

    @Test
    void aDomainFollowsItsCompanyThroughChangesAndDeletion() {
        companies.save(new Company("co2", "Acme", List.of("acme.example"), Instant.EPOCH));
        companies.save(new Company("co1", "Acme Group", List.of("acme-group.example", "acme.example"), Instant.EPOCH));
        assertEquals("co1", companies.findByDomain("ACME.example").orElseThrow().id(), "the smallest id of those listing it");
        companies.save(new Company("co1", "Acme Group", List.of("acme-group.example"), Instant.EPOCH));
        assertEquals("co2", companies.findByDomain("acme.example").orElseThrow().id());
        companies.delete("co1");
        assertTrue(companies.findByDomain("acme-group.example").isEmpty());
    }
}
