package io.dealwire.core.company;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Free and consumer mail providers (gmail.com, orange.fr, wanadoo.fr…): their users are people, never
 * a company. The list is the maintained {@code free-email-domains} package, vendored as a resource.
 */
public final class FreeMailDomains {
    private static final String RESOURCE = "free-email-domains.txt";
    private static final FreeMailDomains BUNDLED = load();

    private final Set<String> domains;

    public FreeMailDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    /** The vendored list. */
    public static FreeMailDomains bundled() {
        return BUNDLED;
    }

    /** True for a free-mail host or any subdomain of one. */
    public boolean isFreeMail(String domain) {
        if (domain == null || domain.isEmpty()) return false;
        var d = domain.toLowerCase(Locale.ROOT);
        while (true) {
            if (domains.contains(d)) return true;
            int dot = d.indexOf('.');
            if (dot < 0 || dot == d.length() - 1) return false;
            d = d.substring(dot + 1);
        }
    }

    public int size() {
        return domains.size();
    }

    private static FreeMailDomains load() {
        var in = FreeMailDomains.class.getResourceAsStream(RESOURCE);
        if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the core jar");
        var set = new HashSet<String>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                var d = line.trim().toLowerCase(Locale.ROOT);
                if (!d.isEmpty() && !d.startsWith("#")) set.add(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new FreeMailDomains(set);
    }
}
