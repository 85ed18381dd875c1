package io.dealwire.core.company;

import com.google.common.net.InternetDomainName;

import java.util.Locale;

/** The domain a company registered, public-suffix aware: mail.acme.co.uk → acme.co.uk. */
public final class RegistrableDomain {
    /** Country codes sold as generic names (.io, .co, .ai…): they say nothing about where a company phones from. */
    private static final java.util.Set<String> VANITY_TLDS = java.util.Set.of(
            "IO", "CO", "ME", "TV", "AI", "LY", "FM", "GG", "TO", "SO", "CC", "WS", "NU", "LA", "AM", "IM", "SH", "AC", "XYZ", "VC", "GL", "IS");

    private RegistrableDomain() {
    }

    /**
     * The registrable domain of {@code host}; for hosts under no known public suffix (test domains
     * such as acme.example, intranet names) the last two labels; empty for an empty or invalid host.
     */
    public static String of(String host) {
        if (host == null) return "";
        var h = host.trim().toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (h.isEmpty() || !InternetDomainName.isValid(h)) return "";
        var name = InternetDomainName.from(h);
        if (name.isUnderPublicSuffix()) return name.topPrivateDomain().toString();
        if (name.isPublicSuffix()) return h;
        var parts = name.parts();
        return parts.size() <= 2 ? h : parts.get(parts.size() - 2) + "." + parts.getLast();
    }

    /** The label a company is known by: "acme-industries.co.uk" → "acme-industries". */
    public static String label(String registrableDomain) {
        if (registrableDomain == null || registrableDomain.isEmpty()) return "";
        int dot = registrableDomain.indexOf('.');
        return dot < 0 ? registrableDomain : registrableDomain.substring(0, dot);
    }

    /** A company name guessed from its domain: "acme-industries.co.uk" → "Acme Industries". */
    public static String displayName(String registrableDomain) {
        var words = label(registrableDomain).split("[-_]+");
        var sb = new StringBuilder();
        for (var w : words) {
            if (w.isEmpty()) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }

    /**
     * ISO region of a country-code TLD (.fr → FR, .co.uk → GB) used as the default region of phone
     * numbers written without a country code; null for generic TLDs (.com, .org…).
     */
    public static String region(String domain) {
        if (domain == null) return null;
        int dot = domain.lastIndexOf('.');
        var tld = (dot < 0 ? domain : domain.substring(dot + 1)).toUpperCase(Locale.ROOT);
        if (tld.length() != 2 || VANITY_TLDS.contains(tld)) return null;
        if (tld.equals("UK")) return "GB";
        if (tld.equals("EU")) return null;
        return tld;
    }
}
