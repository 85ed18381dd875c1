package io.dealwire.core.conversation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Subjects as threads see them: reply and forward prefixes in any language, tags, case and spacing removed. */
public final class Subjects {
    /**
     * RE:, Re :, AW:, TR:, Fwd:, FW:, RÉF:, SV:, VS:, WG:, RIF:, Antw:, Re[2]:, "[EXT]" tags, and the
     * prefixes of auto-replies (Automatic reply:, Réponse automatique :, Out of Office:) so that they thread
     * with the message they answer… repeated.
     */
    private static final Pattern PREFIX = Pattern.compile(
            "(?iu)^\\s*(?:(?:re|r[ée]f|ref|aw|tr|fw|fwd|fwdd|wg|sv|vs|rif|antw|antwort|odp|res|enc|rv|r"
                    + "|automatic reply|auto[- ]?reply|autoreply|out of (?:the )?office(?: reply)?|r[ée]ponse automatique|abwesenheitsnotiz)"
                    + "\\s*(?:\\[\\d+]|\\(\\d+\\))?\\s*:|\\[[^\\]]{1,30}]|\\*\\*\\*[^*]{1,30}\\*\\*\\*)\\s*");

    private Subjects() {
    }

    /** The subject without its reply/forward prefixes, in its original case: "RE: TR: Devis" → "Devis". */
    public static String strip(String subject) {
        if (subject == null) return "";
        var s = subject.strip();
        while (true) {
            var m = PREFIX.matcher(s);
            if (!m.find() || m.end() == 0) break;
            s = s.substring(m.end());
        }
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The key two subjects of one thread share: stripped, lower-cased, accents and punctuation folded. */
    public static String normalise(String subject) {
        var s = Normalizer.normalize(strip(subject), Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
