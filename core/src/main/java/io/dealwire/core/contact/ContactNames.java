package io.dealwire.core.contact;

import io.dealwire.core.message.EmailAddress;

import java.util.Locale;

/** A person's name from what a mail header offers: the display name, else the address's local part. */
public final class ContactNames {
    private ContactNames() {
    }

    public static String of(EmailAddress address) {
        var n = address.name().replaceAll("^[\"'\\s]+|[\"'\\s]+$", "").replaceAll("\\s+", " ");
        if (n.contains("@")) n = "";
        // "Dupont, Jean" → "Jean Dupont"
        int comma = n.indexOf(',');
        if (comma > 0 && n.indexOf(',', comma + 1) < 0 && !n.substring(comma + 1).isBlank()) {
            n = n.substring(comma + 1).strip() + " " + n.substring(0, comma).strip();
        }
        if (!n.isEmpty()) return n;
        var local = address.localPart();
        var parts = local.split("[._-]+");
        if (parts.length < 2) return "";
        var sb = new StringBuilder();
        for (var p : parts) {
            if (p.isEmpty() || !p.chars().allMatch(Character::isLetter)) return "";
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(p.substring(0, 1).toUpperCase(Locale.ROOT)).append(p.substring(1));
        }
        return sb.toString();
    }
}
