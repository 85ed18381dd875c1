package io.dealwire.ingest.mime;

import jakarta.mail.internet.MimeUtility;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decodes text whose declared charset may be wrong or unknown: the declared charset when the bytes
 * are valid in it, else UTF-8 when they are valid UTF-8, else windows-1252 (which accepts any byte).
 * Real mail is often labelled iso-8859-1 or us-ascii while carrying UTF-8, so for those labels
 * valid UTF-8 with non-ASCII bytes wins over the label.
 */
final class CharsetFallback {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Labels that are commonly put on UTF-8 text by mistake. */
    private static final Set<String> WEAK_LABELS = Set.of("us-ascii", "iso-8859-1", "windows-1252", "iso-8859-15");

    private CharsetFallback() {
    }

    /** The decoded text and, when the declared charset could not be used as is, why. */
    record Decoded(String text, String warning) {
    }

    static Decoded decode(byte[] bytes, String declared) {
        Charset charset = lookup(declared);
        boolean nonAscii = hasNonAscii(bytes);
        if (!nonAscii) {
            return new Decoded(new String(bytes, charset == null || !isAsciiCompatible(charset)
                    ? StandardCharsets.US_ASCII : charset), null);
        }
        if (charset != null && WEAK_LABELS.contains(charset.name().toLowerCase(Locale.ROOT))) {
            String utf8 = strict(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) return new Decoded(utf8, null);
        }
        if (charset != null) {
            String text = strict(bytes, charset);
            if (text != null) return new Decoded(text, null);
        }
        String why = declared == null || declared.isBlank() ? "no charset declared"
                : charset == null ? "unknown charset '" + declared + "'"
                : "text is not valid " + charset.name();
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) return new Decoded(utf8, why + "; decoded as UTF-8");
        return new Decoded(new String(bytes, WINDOWS_1252), why + "; decoded as windows-1252");
    }

    /** A header value read by Jakarta Mail as ISO-8859-1 but holding raw 8-bit bytes (often UTF-8). */
    static String repairHeader(String value) {
        if (value == null) return null;
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) return value; // already decoded beyond Latin-1: leave it
            if (c >= 0x80) high = true;
        }
        if (!high) return value;
        return decode(value.getBytes(StandardCharsets.ISO_8859_1), "utf-8").text();
    }

    static Charset lookup(String declared) {
        if (declared == null || declared.isBlank()) return null;
        String name = MimeUtility.javaCharset(declared.trim().replace("\"", ""));
        for (String candidate : List.of(name, declared.trim())) {
            try {
                if (Charset.isSupported(candidate)) return Charset.forName(candidate);
            } catch (IllegalArgumentException e) {
                // an illegal charset name is treated as unknown: the fallback decides
            }
        }
        return null;
    }

    private static boolean isAsciiCompatible(Charset c) {
        String n = c.name().toLowerCase(Locale.ROOT);
        return !(n.startsWith("utf-16") || n.startsWith("utf-32") || n.contains("ebcdic") || n.startsWith("ibm0"));
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) if (b < 0) return true;
        return false;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            CharBuffer out = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return out.toString();
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            return null;
        }
    }
}
