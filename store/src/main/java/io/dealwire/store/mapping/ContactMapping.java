package io.dealwire.store.mapping;

import io.dealwire.core.contact.Contact;
import org.bson.Document;

import java.util.List;
import java.util.Locale;

import static io.dealwire.store.mapping.BsonValues.*;

/**
 * {@link Contact} to and from the {@code contacts} collection. Besides the addresses as given, the
 * lower-cased addresses are kept in {@link #EMAIL_KEYS}: that is what {@code findByEmail} matches.
 */
public final class ContactMapping {
    public static final String COLLECTION = "contacts";
    public static final String EMAIL_KEYS = "emailKeys";
    public static final String COMPANY = "companyId";

    private ContactMapping() {
    }

    public static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static Document toDocument(Contact c) {
        return new Document("_id", c.id())
                .append("name", c.name())
                .append("emails", c.emails())
                .append(EMAIL_KEYS, c.emails().stream().map(ContactMapping::emailKey).distinct().toList())
                .append("title", c.title())
                .append("phones", c.phones())
                .append(COMPANY, c.companyId())
                .append("formerCompanyIds", c.formerCompanyIds())
                .append("website", c.website())
                .append("createdAt", date(c.createdAt()));
    }

    public static Contact fromDocument(Document d) {
        return new Contact(d.getString("_id"), d.getString("name"), strings(d, "emails"), d.getString("title"),
                strings(d, "phones"), d.getString(COMPANY), strings(d, "formerCompanyIds"), d.getString("website"),
                instant(d, "createdAt"));
    }

    public static List<String> emailKeys(Document d) {
        return strings(d, EMAIL_KEYS);
    }
}
