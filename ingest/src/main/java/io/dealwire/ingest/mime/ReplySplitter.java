package io.dealwire.ingest.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Separates what a reply adds from the quoted history and the author's signature, for plain text.
 * History starts at the first attribution line ("On … wrote:", "Le … a écrit :"), an
 * "Original Message" or forward separator, or an Outlook header block (From:/De : followed by
 * Sent:/Envoyé :/Date:). Remaining "> " lines are quotes too. The signature starts at a "-- "
 * delimiter, or at a common sign-off followed by a short block at the end.
 */
final class ReplySplitter {

    record Split(String newText, String signature) {
    }

    static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(On\\s.{0,300}\\swrote|Le\\s.{0,300}\\sa\\s+écrit|Am\\s.{0,300}\\sschrieb|El\\s.{0,300}\\sescribió)\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*(-{2,}\\s*(Original Message|Message d'origine|Message original|Ursprüngliche Nachricht|Forwarded message|Message transféré)\\s*-{2,}.*"
                    + "|Begin forwarded message:|Début du message réexpédié :?)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // French Outlook writes "De\u00a0:" with a (narrow) non-breaking space before the colon
    static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|De|Von)[\\s\\u00a0\\u202f]?:\\*?[\\s\\u00a0]*\\S.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "^\\s*\\*?(Sent|Envoyé|Date|Gesendet|To|À|Cc|Subject|Objet)[\\s\\u00a0\\u202f]?:\\*?.*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern SIGN_OFF = Pattern.compile(
            "^\\s*(best regards|kind regards|warm regards|regards|best wishes|best|many thanks|thanks|thank you|cheers|sincerely|"
                    + "yours sincerely|yours truly|cordialement|bien cordialement|très cordialement|bien à vous|bien a vous|"
                    + "salutations|sincères salutations|meilleures salutations|bonne journée|merci|mit freundlichen grüßen|"
                    + "viele grüße|saludos)\\s*[,.!]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MOBILE = Pattern.compile(
            "^\\s*(Sent from my \\S+.*|Envoyé de mon \\S+.*|Get Outlook for .*|Sent from Mail for Windows.*)$", Pattern.CASE_INSENSITIVE);
    /** A sign-off only starts a signature when at most this many lines follow it. */
    private static final int SIGNATURE_MAX_LINES = 8;

    private ReplySplitter() {
    }

    static Split split(String text) {
        List<String> lines = text.lines().toList();
        int end = historyStart(lines);
        var kept = new ArrayList<String>();
        for (int i = 0; i < end; i++) {
            if (!lines.get(i).startsWith(">")) kept.add(lines.get(i));
        }
        trimTrailingBlank(kept);
        int sig = signatureStart(kept);
        String signature = sig < 0 ? "" : String.join("\n", kept.subList(sig, kept.size())).strip();
        List<String> body = sig < 0 ? kept : kept.subList(0, sig);
        return new Split(String.join("\n", body).strip(), signature);
    }

    static int historyStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (mayStartWith(line, SEPARATOR_LEADS) && SEPARATOR.matcher(line).matches()) return i;
            boolean attribution = mayStartWith(line, ATTRIBUTION_LEADS);
            if (attribution && ATTRIBUTION.matcher(line).matches()) return i;
            // attributions wrapped over two lines: "On Mon, … John Doe <" / "john@x.com> wrote:"
            if (attribution && i + 1 < lines.size() && line.length() < 300
                    && ATTRIBUTION.matcher(line.stripTrailing() + " " + lines.get(i + 1).strip()).matches()
                    && !lines.get(i + 1).isBlank()) {
                return i;
            }
            if (mayStartWith(line, HEADER_FROM_LEADS) && HEADER_FROM.matcher(line).matches() && headerBlockFollows(lines, i + 1)) {
                return i > 0 && UNDERSCORES.matcher(lines.get(i - 1)).matches() ? i - 1 : i;
            }
            if (line.startsWith(">") && onlyQuotesFollow(lines, i)) return i;
        }
        return lines.size();
    }

    /*
     * The characters a line can start with (after the whitespace the patterns skip) for each pattern to match: most
     * lines of a message start with none of them and are not run through the pattern at all.
     */
    static final String SEPARATOR_LEADS = "-bBdD";
    static final String ATTRIBUTION_LEADS = "oOlLaAeE";
    static final String HEADER_FROM_LEADS = "*fFdDvV";

    /**
     * False only when the line's first character after {@code \\s} whitespace is a printable ASCII character not in
     * {@code leads}; a blank line or one starting with any other character (control, non-ASCII) is left to the pattern.
     */
    static boolean mayStartWith(String line, String leads) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') continue;
            return c < 0x20 || c >= 0x80 || leads.indexOf(c) >= 0;
        }
        return true;
    }

    private static boolean headerBlockFollows(List<String> lines, int from) {
        int headers = 0;
        for (int j = from; j < Math.min(lines.size(), from + 4); j++) {
            if (HEADER_NEXT.matcher(lines.get(j)).matches()) headers++;
        }
        return headers >= 1;
    }

    private static boolean onlyQuotesFollow(List<String> lines, int from) {
        for (int j = from; j < lines.size(); j++) {
            String l = lines.get(j);
            if (!l.isBlank() && !l.startsWith(">")) return false;
        }
        return true;
    }

    private static int signatureStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.equals("-- ") || l.equals("--")) return i;
        }
        for (int i = lines.size() - 1; i >= 0 && i >= lines.size() - SIGNATURE_MAX_LINES - 1; i--) {
            if (MOBILE.matcher(lines.get(i)).matches() && allShort(lines, i + 1)) return i;
        }
        int start = -1;
        for (int i = Math.max(0, lines.size() - SIGNATURE_MAX_LINES - 1); i < lines.size(); i++) {
            if (!SIGN_OFF.matcher(lines.get(i)).matches() || i == 0 || !allShort(lines, i + 1)) continue;
            // "Merci." then a sentence then "Bonne journée": the first was a reply, not the sign-off
            if (start < 0 || proseBetween(lines, start + 1, i)) start = i;
        }
        return start;
    }

    private static final Pattern PROSE = Pattern.compile("^\\s*(\\S+\\s+){3,}\\S*[.!?]\\s*$");

    private static boolean proseBetween(List<String> lines, int from, int to) {
        for (int j = from; j < to; j++) if (PROSE.matcher(lines.get(j)).matches()) return true;
        return false;
    }

    private static boolean allShort(List<String> lines, int from) {
        int nonBlank = 0;
        for (int j = from; j < lines.size(); j++) {
            String l = lines.get(j);
            if (l.isBlank()) continue;
            if (l.length() > 80) return false;
            nonBlank++;
        }
        return nonBlank <= SIGNATURE_MAX_LINES;
    }

    private static void trimTrailingBlank(List<String> lines) {
        while (!lines.isEmpty() && lines.getLast().isBlank()) lines.removeLast();
    }
}
