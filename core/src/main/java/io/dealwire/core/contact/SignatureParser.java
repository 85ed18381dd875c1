package io.dealwire.core.contact;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.dealwire.core.inference.AlternativesSearch;
import io.dealwire.core.inference.TextNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a signature block (English or French): job title, phone numbers in E.164, company name and
 * website. Conservative: a line it cannot place is ignored rather than guessed into a field.
 */
public final class SignatureParser {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /**
     * Words that make a line a job title, in English and French, matched on folded text (lower case, accents folded):
     * written in lower case without a case flag, so that {@link #TITLE_SEARCH} can skip lines holding none of them.
     */
    static final Pattern TITLE = Pattern.compile("\\b(director|directeur|directrice|manager|head of|chief|ceo|cto|cfo|coo|cio|cmo|"
            + "vp|vice[- ]president|president|presidente|founder|co-?founder|fondateur|fondatrice|owner|gerant|gerante|partner|associe|associee|"
            + "responsable|chef de|cheffe de|charge d|chargee d|acheteur|acheteuse|buyer|purchasing|procurement|achats|engineer|ingenieur|ingenieure|"
            + "consultant|consultante|analyst|analyste|assistant|assistante|officer|lead|specialist|coordinator|coordinateur|coordinatrice|"
            + "account executive|commercial|commerciale|sales|dsi|daf|drh|secretaire|secretary|administrator|administrateur|administratrice|"
            + "controller|controleur|controleuse|comptable|accountant|developer|developpeur|developpeuse|architect|architecte|supervisor|"
            + "superviseur|team leader|directeur general|pdg|dg|managing director)\\b");
    private static final AlternativesSearch TITLE_SEARCH = AlternativesSearch.of(TITLE);
    private static final Pattern COMPANY_SUFFIX = Pattern.compile(
            "(?i)\\b(sas|sasu|sarl|eurl|sa|sca|snc|gmbh|ag|ltd|limited|llc|inc|incorporated|corp|corporation|plc|bv|nv|srl|spa|s\\.a\\.s?|s\\.a\\.r\\.l|group|groupe)\\.?$");
    private static final Pattern WEBSITE = Pattern.compile("(?i)\\b((?:https?://)?www\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+(?:/\\S*)?|https?://[a-z0-9-]+(?:\\.[a-z0-9-]+)+(?:/\\S*)?)");
    private static final Pattern NOT_SIGNATURE_LINE = Pattern.compile("^[-*>•·+=#]|\\.(xlsx?|docx?|pdf|pptx?|csv|txt|zip)\\b|[?!]$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern CLOSING = Pattern.compile("(?i)^(best|kind|warm)?\\s*(regards|wishes)|^(thanks|thank you|cheers|sincerely|cordialement|bien cordialement|"
            + "bien a vous|bien a toi|salutations|sinceres salutations|merci|a bientot|bonne journee|belle journee|--|—|__)[\\s,.!]*$");

    private SignatureParser() {
    }

    /**
     * @param signature     the signature block, or the tail of the message text when no block was found
     * @param authorName    the author's display name, to recognise the name line
     * @param defaultRegion ISO region for numbers written without a country code, or null to accept only international ones
     * @param domainLabel   the company's domain label (acme for acme.fr), to recognise the company line; may be empty
     */
    public static SignatureDetails parse(String signature, String authorName, String defaultRegion, String domainLabel) {
        if (signature == null || signature.isBlank()) return SignatureDetails.EMPTY;
        var lines = new ArrayList<String>();
        for (var raw : signature.split("\\R")) {
            var l = raw.strip();
            if (!l.isEmpty()) lines.add(l);
        }
        if (lines.size() > 15) lines = new ArrayList<>(lines.subList(lines.size() - 15, lines.size()));
        var foldedName = fold(authorName);
        var label = fold(domainLabel);
        String name = "", title = "", company = "", website = "";
        var phones = new LinkedHashSet<String>();
        for (var line : lines) {
            var folded = fold(line);
            if (CLOSING.matcher(folded).find() && line.length() < 40) continue;
            var w = WEBSITE.matcher(line);
            if (website.isEmpty() && w.find() && !EMAIL.matcher(line).find()) website = w.group(1);
            boolean hadPhone = false;
            // a phone number is written with digits (libphonenumber needs several): a line without any holds none
            var numbers = line.codePoints().anyMatch(Character::isDigit)
                    ? PHONES.findNumbers(line, defaultRegion == null ? "ZZ" : defaultRegion) : List.<PhoneNumberMatch>of();
            for (var match : numbers) {
                phones.add(PHONES.format(match.number(), PhoneNumberFormat.E164));
                hadPhone = true;
            }
            if (hadPhone || line.length() > 70 || EMAIL.matcher(line).find() || WEBSITE.matcher(line).find()) continue;
            // list items, quoted lines and file names are message text, not a signature's lines
            if (NOT_SIGNATURE_LINE.matcher(line).find() || line.split("\\s+").length > 9) continue;
            boolean nameLine = !foldedName.isEmpty() && (folded.equals(foldedName) || folded.startsWith(foldedName + " ") || folded.startsWith(foldedName + ","));
            if (nameLine) {
                if (name.isEmpty()) name = line.contains(",") ? line.substring(0, line.indexOf(',')).strip() : line;
                var rest = line.substring(Math.min(line.length(), foldedName.length())).replaceFirst("^[\\s,|–-]+", "");
                if (title.isEmpty() && !rest.isEmpty() && TITLE_SEARCH.find(fold(rest))) title = rest;
                continue;
            }
            if (line.chars().anyMatch(Character::isDigit) && !TITLE_SEARCH.find(folded)) continue;
            if (title.isEmpty() && TITLE_SEARCH.find(folded)) {
                // "Directrice des achats | Acme Industries" carries both
                var parts = line.split("\\s+[|–-]\\s+|\\s*,\\s+", 2);
                title = parts[0].strip();
                if (parts.length == 2 && company.isEmpty() && looksLikeCompany(parts[1], label)) company = parts[1].strip();
                continue;
            }
            if (company.isEmpty() && looksLikeCompany(line, label)) company = line;
        }
        return new SignatureDetails(name, title, List.copyOf(phones), company, website);
    }

    private static boolean looksLikeCompany(String line, String foldedLabel) {
        var folded = fold(line);
        if (line.length() > 60) return false;
        if (COMPANY_SUFFIX.matcher(folded).find()) return true;
        if (foldedLabel.length() < 3) return false;
        var squeezed = folded.replaceAll("[^a-z0-9]", "");
        return squeezed.contains(foldedLabel.replaceAll("[^a-z0-9]", ""));
    }

    /** Lower case without accents, for comparisons. */
    static String fold(String s) {
        if (s == null) return "";
        return TextNormalizer.withoutAccents(s).toLowerCase(Locale.ROOT).strip();
    }
}
