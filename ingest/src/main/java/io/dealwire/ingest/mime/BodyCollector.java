package io.dealwire.ingest.mime;

import io.dealwire.core.message.Attachment;
import io.dealwire.core.message.CalendarInvite;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Walks the MIME tree of one message and collects its text, HTML, attachments and invite. Every
 * part is read defensively: a broken part adds a warning and the walk goes on.
 */
final class BodyCollector {
    private static final int MAX_DEPTH = 20;

    private final Session session;
    private final boolean hashAttachments;
    /** Text of the message's own body parts (not of forwarded messages). */
    final List<String> plain = new ArrayList<>();
    final List<String> html = new ArrayList<>();
    /** Forwarded messages rendered as text, appended to the whole text after the body. */
    final List<String> forwarded = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();
    final List<String> warnings;
    CalendarInvite invite;
    boolean deliveryReport;

    BodyCollector(Session session, boolean hashAttachments, List<String> warnings) {
        this.session = session;
        this.hashAttachments = hashAttachments;
        this.warnings = warnings;
    }

    void walk(Part part) {
        walk(part, 0, false);
    }

    private void walk(Part part, int depth, boolean insideForward) {
        if (depth > MAX_DEPTH) {
            warnings.add("MIME nesting deeper than " + MAX_DEPTH + " levels: inner parts skipped");
            return;
        }
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        String disposition = disposition(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition);
        try {
            if (base.startsWith("multipart/")) {
                walkMultipart(part, type, base, depth, insideForward);
            } else if (base.equals("message/rfc822")) {
                walkForwarded(part, depth);
            } else if (base.equals("text/calendar") || base.equals("application/ics")) {
                readInvite(part, type);
                if (attachment || fileName(part) != null) addAttachment(part, base);
            } else if (base.equals("text/plain") && !attachment) {
                (insideForward ? forwarded : plain).add(text(part, type));
            } else if (base.equals("text/html") && !attachment) {
                String h = text(part, type);
                if (insideForward) forwarded.add(HtmlText.toText(h));
                else html.add(h);
            } else {
                addAttachment(part, base);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            warnings.add("unreadable " + base + " part: " + describe(e));
        }
    }

    private void walkMultipart(Part part, ContentType type, String base, int depth, boolean insideForward)
            throws MessagingException, IOException {
        if (base.equals("multipart/report")) deliveryReport = true;
        Multipart multipart;
        try {
            multipart = new MimeMultipart(new DecodedContent(part, type.toString()));
            multipart.getCount(); // parses: a missing boundary fails here
        } catch (MessagingException e) {
            warnings.add("broken " + base + " (" + describe(e) + "): read as plain text");
            (insideForward ? forwarded : plain).add(text(part, new ContentType("text", "plain", type.getParameterList())));
            return;
        }
        if (multipart instanceof MimeMultipart mm && !mm.isComplete()) {
            warnings.add(base + " has no closing boundary");
        }
        int count = multipart.getCount();
        if (base.equals("multipart/alternative")) {
            int chosen = chooseAlternative(multipart);
            for (int i = 0; i < count; i++) {
                BodyPart child = multipart.getBodyPart(i);
                String childBase = contentType(child).getBaseType().toLowerCase(Locale.ROOT);
                // the alternatives not chosen are other renderings of the same text: only invites and
                // nested structures still matter
                if (i == chosen || childBase.startsWith("multipart/") || childBase.equals("text/calendar")) {
                    walk(child, depth + 1, insideForward);
                } else if (childBase.equals("text/html") && !insideForward) {
                    html.add(text(child, contentType(child)));
                }
            }
            return;
        }
        for (int i = 0; i < count; i++) walk(multipart.getBodyPart(i), depth + 1, insideForward);
    }

    /** Index of the text/plain alternative when it has content, else the last one (richest per RFC 2046). */
    private int chooseAlternative(Multipart multipart) throws MessagingException {
        int count = multipart.getCount();
        int fallback = count - 1;
        for (int i = 0; i < count; i++) {
            BodyPart child = multipart.getBodyPart(i);
            String childBase = contentType(child).getBaseType().toLowerCase(Locale.ROOT);
            if (childBase.equals("text/plain") && child.getSize() != 0) return i;
            if (childBase.equals("text/html")) fallback = i;
        }
        return fallback;
    }

    private void walkForwarded(Part part, int depth) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = DecodedContent.open(part)) {
            bytes = in.readAllBytes();
        }
        MimeMessage inner = new MimeMessage(session, new ByteArrayInputStream(bytes));
        var header = new StringBuilder("---------- Forwarded message ----------\n");
        appendHeader(header, inner, "From");
        appendHeader(header, inner, "Date");
        appendHeader(header, inner, "Subject");
        appendHeader(header, inner, "To");
        int before = forwarded.size();
        forwarded.add(header.toString().strip());
        var nested = new BodyCollector(session, hashAttachments, warnings);
        nested.walk(inner, depth + 1, true);
        // the forwarded message's own body (plain, else its HTML as text), then anything it forwarded
        if (!nested.plain.isEmpty()) forwarded.addAll(nested.plain);
        else nested.html.stream().map(HtmlText::toText).forEach(forwarded::add);
        forwarded.addAll(nested.forwarded);
        attachments.addAll(nested.attachments);
        if (invite == null) invite = nested.invite;
        if (forwarded.size() == before + 1 && bytes.length == 0) warnings.add("empty forwarded message");
    }

    private static void appendHeader(StringBuilder out, MimeMessage m, String name) throws MessagingException {
        String v = HeaderValues.decoded(m, name);
        if (v != null) out.append(name).append(": ").append(v).append('\n');
    }

    private void readInvite(Part part, ContentType type) throws MessagingException, IOException {
        if (invite != null) return;
        invite = CalendarReader.read(text(part, type));
    }

    private void addAttachment(Part part, String base) throws MessagingException {
        String name = fileName(part);
        long size;
        String sha = null;
        if (hashAttachments) {
            try (InputStream in = content(part)) {
                var d = Hashing.digest(in);
                size = d.size();
                sha = d.sha256();
            } catch (IOException e) {
                warnings.add("attachment " + (name == null ? base : name) + " unreadable: " + describe(e));
                size = Math.max(0, part.getSize());
            }
        } else {
            size = Math.max(0, part.getSize()); // encoded size: the message is over the cap, content not read
        }
        attachments.add(new Attachment(name, base, size, sha));
    }

    private String text(Part part, ContentType type) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = content(part)) {
            bytes = in.readAllBytes();
        }
        var decoded = CharsetFallback.decode(bytes, type.getParameter("charset"));
        if (decoded.warning() != null && type.getParameter("charset") != null) warnings.add(decoded.warning());
        return decoded.text().replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The decoded content; the raw bytes when the transfer encoding cannot be decoded. */
    private InputStream content(Part part) throws MessagingException {
        try {
            return part.getInputStream();
        } catch (MessagingException | IOException | RuntimeException e) {
            warnings.add("undecodable transfer encoding (" + describe(e) + "): raw content used");
            if (part instanceof MimeBodyPart mbp) return mbp.getRawInputStream();
            if (part instanceof MimeMessage mm) return mm.getRawInputStream();
            throw new MessagingException("part content unreadable", e instanceof Exception ex ? ex : null);
        }
    }

    private ContentType contentType(Part part) {
        String raw = null;
        try {
            raw = part.getContentType();
            return new ContentType(raw == null ? "text/plain" : raw);
        } catch (ParseException e) {
            ContentType repaired = repair(raw);
            if (repaired != null) {
                warnings.add("malformed Content-Type '" + raw + "' read as " + repaired.getBaseType());
                return repaired;
            }
            warnings.add("unreadable Content-Type '" + raw + "': read as text/plain");
        } catch (MessagingException e) {
            warnings.add("unreadable Content-Type: " + describe(e));
        }
        return new ContentType("text", "plain", null);
    }

    /** Repairs common breakage: empty parameters (";;") and a missing subtype ("text"). */
    private static ContentType repair(String raw) {
        if (raw == null) return null;
        String s = raw.replaceAll(";(\\s*;)+", ";").replaceAll(";\\s*$", "");
        int semi = s.indexOf(';');
        String base = (semi < 0 ? s : s.substring(0, semi)).trim();
        if (!base.contains("/")) {
            base = base.equalsIgnoreCase("text") ? "text/plain" : "application/octet-stream";
            s = base + (semi < 0 ? "" : s.substring(semi));
        }
        try {
            return new ContentType(s);
        } catch (ParseException e) {
            return null; // beyond repair: the caller falls back to text/plain
        }
    }

    private String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            warnings.add("unreadable Content-Disposition: " + describe(e));
            return null;
        }
    }

    private String fileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null || name.isBlank() ? null : CharsetFallback.repairHeader(name);
        } catch (MessagingException | RuntimeException e) {
            warnings.add("unreadable attachment name: " + describe(e));
            return null;
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
