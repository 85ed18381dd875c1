package io.dealwire.index.mapping;

import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.index.IndexContext;
import io.dealwire.core.inference.LanguageDetector;
import io.dealwire.core.inference.TextNormalizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

import static io.dealwire.index.mapping.MessageFields.*;

/**
 * Turns a stored message into its Lucene document. Only what a hit shows is stored (subject, sender,
 * a capped preview of the new text, ids); the full text is indexed but never stored, which keeps the
 * index well under the size of the mail it covers. The message's own words are indexed stemmed by
 * language ({@code body_en}, {@code body_fr}); their folded form is part of the full text's field.
 */
public final class MessageDocuments {
    /** Characters of the new text kept for snippets: enough for two passages around a match. */
    public static final int PREVIEW_CHARS = 1200;
    private static final int DETECTION_CHARS = 4000;
    static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private final IndexContext context;

    public MessageDocuments(IndexContext context) {
        this.context = context;
    }

    public Document toDocument(StoredMessage m) {
        var mail = m.mail();
        var doc = new Document();
        doc.add(new StringField(ID, m.id(), Field.Store.YES));
        if (m.mail().messageId() != null) doc.add(new StoredField(HEADER_ID, m.mail().messageId()));
        doc.add(new SortedDocValuesField(ID, new BytesRef(m.id())));
        doc.add(new NumericDocValuesField(ID_ORDER, idOrder(m.id())));
        var conversation = m.conversationId() == null || m.conversationId().isBlank() ? m.id() : m.conversationId();
        doc.add(new StringField(CONVERSATION, conversation, Field.Store.YES));
        doc.add(new SortedDocValuesField(CONVERSATION, new BytesRef(conversation)));

        long date = mail.date() == null ? 0L : mail.date().toEpochMilli();
        doc.add(new LongPoint(DATE, date));
        doc.add(new NumericDocValuesField(DATE, date));
        doc.add(new StoredField(DATE, date));
        if (mail.date() != null) doc.add(new KeywordField(MONTH, MONTH_FORMAT.format(mail.date()), Field.Store.NO));

        var direction = m.direction() == null ? "" : m.direction().name().toLowerCase(java.util.Locale.ROOT);
        if (!direction.isEmpty()) doc.add(new KeywordField(DIRECTION, direction, Field.Store.YES));

        addVisibility(doc, m);
        addLinks(doc, m);
        if (m.privateConversation()) doc.add(new StringField(PRIVATE, TRUE, Field.Store.NO));
        if (mail.isAutomated()) doc.add(new StringField(AUTOMATED, TRUE, Field.Store.NO));

        // An erased message keeps its metadata (dates, links) but no personal content.
        if (m.erased()) {
            doc.add(new StringField(ERASED, TRUE, Field.Store.NO));
            return doc;
        }

        var language = m.language().isBlank() ? detectLanguage(mail.newText()) : m.language();
        doc.add(new KeywordField(LANGUAGE, language.isEmpty() ? "und" : language, Field.Store.YES));
        addText(doc, SUBJECT, mail.subject(), language);
        addLanguageText(doc, BODY, mail.newText(), language);
        doc.add(new TextField(FULL, mail.text(), Field.Store.NO));
        doc.add(new StoredField(SUBJECT, mail.subject()));
        var shown = preview(mail.newText().isBlank() ? mail.text() : mail.newText());
        doc.add(new StoredField(PREVIEW, shown.length() > PREVIEW_CHARS ? shown.substring(0, PREVIEW_CHARS) : shown));

        if (mail.from() != null) {
            addAddress(doc, FROM_ADDR, FROM_TEXT, mail.from());
            doc.add(new StoredField(FROM_DISPLAY, mail.from().toString()));
            doc.add(label(SENDER_LABEL, mail.from().address(), mail.from().name()));
        }
        for (var a : mail.to()) addAddress(doc, TO_ADDR, TO_TEXT, a);
        for (var a : mail.cc()) addAddress(doc, CC_ADDR, CC_TEXT, a);

        if (!mail.attachments().isEmpty()) doc.add(new StringField(HAS_ATTACHMENT, TRUE, Field.Store.YES));
        for (var a : mail.attachments()) {
            if (!a.filename().isBlank()) doc.add(new TextField(FILENAME, a.filename(), Field.Store.NO));
            doc.add(new StringField(FILETYPE, a.contentType().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        }
        return doc;
    }

    private void addVisibility(Document doc, StoredMessage m) {
        Set<String> owners = new LinkedHashSet<>();
        Set<String> mailboxes = new LinkedHashSet<>();
        Set<String> folders = new LinkedHashSet<>();
        for (MessageLocation l : m.locations()) {
            mailboxes.add(l.mailboxId());
            folders.add(l.folder());
            var owner = context.mailboxOwner(l.mailboxId());
            if (owner != null && !owner.isBlank()) owners.add(owner);
        }
        for (var id : mailboxes) doc.add(new KeywordField(MAILBOX, id, Field.Store.NO));
        for (var f : folders) doc.add(new StringField(FOLDER, f, Field.Store.NO));
        for (var id : owners) doc.add(new KeywordField(OWNER, id, Field.Store.NO));
        if (m.privateConversation() || m.direction() == Direction.INTERNAL) {
            doc.add(new StringField(RESTRICTED, TRUE, Field.Store.NO));
        }
    }

    private void addLinks(Document doc, StoredMessage m) {
        if (m.companyId() != null && !m.companyId().isBlank()) {
            doc.add(new KeywordField(COMPANY, m.companyId(), Field.Store.YES));
            var name = nonNull(context.companyName(m.companyId()));
            if (!name.isBlank()) {
                doc.add(new TextField(COMPANY_TEXT, name, Field.Store.NO));
                doc.add(new StoredField(COMPANY_NAME, name));
                doc.add(label(COMPANY_LABEL, m.companyId(), name));
            }
        }
        if (m.dealId() != null && !m.dealId().isBlank()) {
            doc.add(new KeywordField(DEAL, m.dealId(), Field.Store.YES));
            var title = nonNull(context.dealTitle(m.dealId()));
            if (!title.isBlank()) {
                doc.add(new TextField(DEAL_TEXT, title, Field.Store.NO));
                doc.add(new StoredField(DEAL_TITLE, title));
                doc.add(label(DEAL_LABEL, m.dealId(), title));
            }
            var stage = nonNull(context.dealStage(m.dealId()));
            if (!stage.isBlank()) doc.add(new KeywordField(STAGE, stage, Field.Store.YES));
        }
    }

    /** English or French analysis by language; both when the language is unknown. The folded form always. */
    private static void addText(Document doc, String field, String text, String language) {
        if (text.isEmpty()) return;
        addLanguageText(doc, field, text, language);
        doc.add(new TextField(field + FOLD, text, Field.Store.NO));
    }

    /** English or French analysis by language; both when the language is unknown. */
    private static void addLanguageText(Document doc, String field, String text, String language) {
        if (text.isEmpty()) return;
        if (!language.equals("fr")) doc.add(new TextField(field + EN, text, Field.Store.NO));
        if (!language.equals("en")) doc.add(new TextField(field + FR, text, Field.Store.NO));
    }

    private static SortedSetDocValuesField label(String field, String id, String name) {
        return new SortedSetDocValuesField(field, new BytesRef(id + LABEL_SEPARATOR + name));
    }

    private static void addAddress(Document doc, String keywordField, String textField, EmailAddress a) {
        doc.add(new StringField(keywordField, a.address(), Field.Store.NO));
        doc.add(new TextField(textField, a.name().isEmpty() ? a.address() : a.name() + " " + a.address(), Field.Store.NO));
    }

    /** Store messages normally carry their language; for those that do not, the same detector as inference. */
    private static String detectLanguage(String text) {
        return LanguageDetector.detect(TextNormalizer.normalize(text.length() > DETECTION_CHARS ? text.substring(0, DETECTION_CHARS) : text));
    }

    /**
     * The text with each run of spaces made one space and each run of blank lines one line break: mail padded
     * with whitespace (newsletters, tables) would otherwise fill the preview with blanks. Line breaks stay,
     * since they end the passages of a snippet.
     *
     * <p>One pass over the text; it gives what {@code [^\S\n]*\R\s*} replaced by a line break and then
     * {@code [^\S\n]+} by a space give (MessageDocumentsTest compares the two), at a fraction of their cost: the
     * two regular expressions were a tenth of the feeder's CPU.
     */
    static String preview(String text) {
        var head = (text.length() > PREVIEW_CHARS * 8 ? text.substring(0, PREVIEW_CHARS * 8) : text).strip();
        int n = head.length();
        var out = new StringBuilder(Math.min(n, PREVIEW_CHARS * 2));
        int i = 0;
        while (i < n) {
            char c = head.charAt(i);
            if (isBlank(c)) {
                // a run of blanks: a line break if it holds one or one follows it, else one space
                int end = i;
                boolean holdsBreak = false;
                while (end < n && isBlank(head.charAt(end))) {
                    holdsBreak |= isBlankBreak(head.charAt(end));
                    end++;
                }
                if (end < n && isOtherBreak(head.charAt(end))) {
                    out.append('\n');
                    i = afterSpaces(head, end + 1);
                } else {
                    out.append(holdsBreak ? '\n' : ' ');
                    i = end;
                }
            } else if (isOtherBreak(c)) {
                out.append('\n');
                i = afterSpaces(head, i + 1);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code [^\S\n]}: a space of {@code \s} other than the line feed. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Blanks that are also line breaks of {@code \R}. */
    private static boolean isBlankBreak(char c) {
        return c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The line breaks of {@code \R} that are not blanks. */
    private static boolean isOtherBreak(char c) {
        return c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The index after the run of {@code \s} starting at {@code i}. */
    private static int afterSpaces(String s, int i) {
        while (i < s.length() && (isBlank(s.charAt(i)) || s.charAt(i) == '\n')) i++;
        return i;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** For tests and callers that need the month key of a date. */
    public static String month(java.time.Instant date) {
        return MONTH_FORMAT.format(date);
    }
}
