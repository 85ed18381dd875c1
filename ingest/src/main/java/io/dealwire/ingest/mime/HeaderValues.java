package io.dealwire.ingest.mime;

import io.dealwire.core.message.EmailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Header reading that survives real mail: folded lines, raw 8-bit bytes, bad RFC 2047 words, broken addresses. */
final class HeaderValues {
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[A-Za-z0-9._%+'=/!#$&*?^`{|}~-]+@[A-Za-z0-9.-]+[A-Za-z0-9]");

    private HeaderValues() {
    }

    /** The first value of a header, unfolded, with raw 8-bit bytes repaired but encoded words left as is. */
    static String raw(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            if (values == null || values.length == 0 || values[0] == null) return null;
            return CharsetFallback.repairHeader(MimeUtility.unfold(values[0])).strip();
        } catch (MessagingException e) {
            return null; // a header that cannot be read is treated as absent
        }
    }

    /** The first value of a header with RFC 2047 encoded words decoded. */
    static String decoded(Part part, String name) {
        String raw = raw(part, name);
        if (raw == null) return null;
        try {
            return MimeUtility.decodeText(raw);
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return raw;
        }
    }

    /** The Message-IDs of a header (Message-ID, In-Reply-To, References) without angle brackets, in order. */
    static List<String> ids(String value) {
        if (value == null || value.isBlank()) return List.of();
        var out = new LinkedHashSet<String>();
        Matcher m = ANGLE_ID.matcher(value);
        while (m.find()) out.add(m.group(1));
        if (out.isEmpty()) {
            for (String token : value.trim().split("[\\s,]+")) {
                if (token.contains("@")) out.add(token.replaceAll("[<>]", ""));
            }
        }
        return List.copyOf(out);
    }

    /** The addresses of an address header; on a header that does not parse, every address-looking token. */
    static List<EmailAddress> addresses(Part part, String name, List<String> warnings) {
        String raw = raw(part, name);
        if (raw == null || raw.isBlank()) return List.of();
        var out = new ArrayList<EmailAddress>();
        try {
            for (InternetAddress a : InternetAddress.parseHeader(raw, false)) {
                String address = a.getAddress();
                if (address == null || address.isBlank()) continue;
                if (a.isGroup()) {
                    for (InternetAddress member : a.getGroup(false)) add(out, member);
                } else {
                    add(out, a);
                }
            }
        } catch (AddressException | RuntimeException e) {
            warnings.add("unreadable " + name + " header: addresses extracted as text");
            Matcher m = BARE_ADDRESS.matcher(raw);
            while (m.find()) out.add(EmailAddress.of(m.group()));
        }
        return out;
    }

    private static void add(List<EmailAddress> out, InternetAddress a) {
        String address = a.getAddress();
        if (address == null || address.isBlank()) return;
        String personal = a.getPersonal();
        if (personal != null) {
            personal = CharsetFallback.repairHeader(personal);
            try {
                personal = MimeUtility.decodeText(personal); // words left encoded inside quotes by some clients
            } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
                // keep the name as it was written
            }
        }
        out.add(new EmailAddress(address.replaceAll("\\s+", ""), personal));
    }
}
