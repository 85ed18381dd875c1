package io.dealwire.ingest.mime;

import io.dealwire.core.message.EmailAddress;

import java.time.Instant;
import java.util.Locale;

/**
 * The content hash and id of a message. The content hash covers what makes two copies the same
 * message (sender, date, subject, body text), normalised so that transport changes (line endings,
 * re-wrapping whitespace) do not matter. The id combines it with the Message-ID: copies in two
 * mailboxes get one id, while different messages that merely share a Message-ID get different ids.
 */
public final class MessageIdentity {
    private static final int ID_HEX_CHARS = 32;

    private MessageIdentity() {
    }

    public static String contentHash(EmailAddress from, Instant date, String subject, String text) {
        String canonical = (from == null ? "" : from.address()) + '\n'
                + (date == null ? "" : Long.toString(date.getEpochSecond())) + '\n'
                + normalize(subject) + '\n'
                + normalize(text);
        return Hashing.sha256Hex(canonical);
    }

    public static String id(String messageId, String contentHash) {
        String basis = messageId == null || messageId.isBlank()
                ? "content:" + contentHash
                : "mid:" + messageId.trim().toLowerCase(Locale.ROOT) + '\n' + contentHash;
        return Hashing.sha256Hex(basis).substring(0, ID_HEX_CHARS);
    }

    /** Each run of whitespace ({@code \\s}: space, tab, line breaks, form feed) made one space, ends stripped; one pass, no regex. */
    static String normalize(String s) {
        if (s == null) return "";
        var sb = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) sb.append(c);
            else if (!inRun) sb.append(' ');
            inRun = space;
        }
        return sb.toString().strip();
    }
}
