package io.dealwire.ingest.mime;

import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Parses raw RFC 5322 mail into a {@link MailMessage}. Never throws on bad mail: whatever cannot be
 * read cleanly is reported in {@link MailMessage#warnings()} and the rest is kept. Thread-safe.
 */
public final class MimeParser {
    /** Messages above this size keep their headers and text; their attachments are listed but not read. */
    public static final long DEFAULT_SIZE_CAP = 10L * 1024 * 1024;
    static final int TEXT_CAP_CHARS = 1_000_000;
    static final int HTML_CAP_CHARS = 512 * 1024;

    static {
        // MimeUtility reads these from system properties only: decode sloppy encoded words and
        // pass unknown transfer encodings through instead of failing the part.
        System.setProperty("mail.mime.decodetext.strict", "false");
        System.setProperty("mail.mime.ignoreunknownencoding", "true");
        System.setProperty("mail.mime.base64.ignoreerrors", "true");
        System.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        System.setProperty("mail.mime.uudecode.ignoremissingbeginend", "true");
        System.setProperty("mail.mime.parameters.strict", "false");
        System.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "false");
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader on every Multipart and encoded
        // word (jakartaee/mail-api#699, #861): in a shaded jar that scan dominated parsing. Naming the
        // provider makes the lookup a Class.forName.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null)
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private final Session session;
    private final long sizeCap;

    public MimeParser() {
        this(DEFAULT_SIZE_CAP);
    }

    public MimeParser(long sizeCap) {
        var props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.decodefilename", "true");
        props.setProperty("mail.mime.decodeparameters", "true");
        props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        props.setProperty("mail.mime.multipart.allowempty", "true");
        props.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        props.setProperty("mail.mime.windowsfilenames", "true");
        this.session = Session.getInstance(props);
        this.sizeCap = sizeCap;
    }

    public MailMessage parse(byte[] raw) {
        var warnings = new ArrayList<String>();
        try {
            return parse(raw, warnings);
        } catch (MessagingException | RuntimeException | StackOverflowError e) {
            warnings.add("message could not be parsed (" + BodyCollector.describe(e) + "): kept as raw text");
            return unparsed(raw, warnings);
        }
    }

    private MailMessage parse(byte[] raw, List<String> warnings) throws MessagingException {
        var message = new MimeMessage(session, new ByteArrayInputStream(raw));
        boolean oversize = raw.length > sizeCap;
        if (oversize) {
            warnings.add("message of " + raw.length + " bytes is over the " + sizeCap + "-byte cap: attachments listed, not read");
        }
        List<String> messageIds = HeaderValues.ids(HeaderValues.raw(message, "Message-ID"));
        String messageId = messageIds.isEmpty() ? null : messageIds.getFirst();
        List<String> inReplyTo = HeaderValues.ids(HeaderValues.raw(message, "In-Reply-To"));
        List<String> references = HeaderValues.ids(HeaderValues.raw(message, "References"));
        String subject = HeaderValues.decoded(message, "Subject");
        List<EmailAddress> fromList = HeaderValues.addresses(message, "From", warnings);
        if (fromList.isEmpty()) fromList = HeaderValues.addresses(message, "Sender", warnings);
        EmailAddress from = fromList.isEmpty() ? null : fromList.getFirst();
        if (from == null) warnings.add("no sender (From header missing or empty)");
        List<EmailAddress> to = HeaderValues.addresses(message, "To", warnings);
        List<EmailAddress> cc = HeaderValues.addresses(message, "Cc", warnings);
        Instant date = date(HeaderValues.raw(message, "Date"), warnings);

        var body = new BodyCollector(session, !oversize, warnings);
        body.walk(message);

        String ownPlain = String.join("\n\n", body.plain).strip();
        String html = body.html.isEmpty() ? "" : body.html.getFirst();
        String ownText = !ownPlain.isEmpty() ? ownPlain : html.isEmpty() ? "" : HtmlText.toText(html);
        var all = new ArrayList<String>();
        if (!ownText.isEmpty()) all.add(ownText);
        all.addAll(body.forwarded);
        String text = cap(String.join("\n\n", all), TEXT_CAP_CHARS, "text", warnings);
        html = cap(html, HTML_CAP_CHARS, "HTML", warnings);

        ReplySplitter.Split split = !ownPlain.isEmpty() || html.isEmpty()
                ? ReplySplitter.split(ownText)
                : ReplySplitter.split(HtmlText.withoutQuotes(html));
        String newText = cap(split.newText(), TEXT_CAP_CHARS, "new text", warnings);

        String automated = AutomatedMail.reason(name -> HeaderValues.raw(message, name), from, subject, body.deliveryReport);
        String contentHash = MessageIdentity.contentHash(from, date, subject, text);
        return new MailMessage(MessageIdentity.id(messageId, contentHash), messageId,
                inReplyTo.isEmpty() ? null : inReplyTo.getFirst(), references, subject, from, to, cc, date,
                text, newText, split.signature(), html, body.attachments, body.invite, automated, warnings,
                contentHash, raw.length);
    }

    private static Instant date(String value, List<String> warnings) {
        if (value == null || value.isBlank()) {
            warnings.add("no Date header");
            return null;
        }
        Date d = new MailDateFormat().parse(value, new ParsePosition(0));
        if (d == null) {
            warnings.add("unreadable Date header '" + value + "'");
            return null;
        }
        return d.toInstant();
    }

    private static String cap(String s, int max, String what, List<String> warnings) {
        if (s.length() <= max) return s;
        warnings.add(what + " cut at " + max + " characters");
        return s.substring(0, max);
    }

    /** Last resort for bytes Jakarta Mail cannot read at all: the whole content as text, id from its hash. */
    private static MailMessage unparsed(byte[] raw, List<String> warnings) {
        String text = CharsetFallback.decode(raw, null).text();
        if (text.length() > TEXT_CAP_CHARS) text = text.substring(0, TEXT_CAP_CHARS);
        String contentHash = Hashing.sha256Hex(raw);
        return new MailMessage(MessageIdentity.id(null, contentHash), null, null, List.of(), "", null, List.of(),
                List.of(), null, text, text, "", "", List.of(), null, null, warnings, contentHash, raw.length);
    }
}
