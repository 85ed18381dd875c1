package io.dealwire.store.mapping;

import io.dealwire.core.company.Company;
import org.bson.Document;

import java.util.Locale;

import static io.dealwire.store.mapping.BsonValues.*;

/** {@link Company} to and from the {@code companies} collection; lower-cased domains in {@link #DOMAIN_KEYS} for lookups. */
public final class CompanyMapping {
    public static final String COLLECTION = "companies";
    public static final String DOMAIN_KEYS = "domainKeys";

    private CompanyMapping() {
    }

    public static String domainKey(String domain) {
        return domain.trim().toLowerCase(Locale.ROOT);
    }

    public static Document toDocument(Company c) {
        return new Document("_id", c.id())
                .append("name", c.name())
                .append("domains", c.domains())
                .append(DOMAIN_KEYS, c.domains().stream().map(CompanyMapping::domainKey).distinct().toList())
                .append("createdAt", date(c.createdAt()));
    }

    public static Company fromDocument(Document d) {
        return new Company(d.getString("_id"), d.getString("name"), strings(d, "domains"), instant(d, "createdAt"));
    }
}
