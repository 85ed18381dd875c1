package io.dealwire.ingest.mime;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;

/**
 * A part's content with its transfer encoding undone, whatever its type. Jakarta Mail ignores the
 * encoding of multipart and message parts unless a JVM-wide switch is set; real mail base64-encodes
 * forwarded messages and whole multiparts, so the decoding is done here explicitly.
 */
final class DecodedContent implements DataSource {
    private static final Set<String> DECODABLE = Set.of("base64", "quoted-printable", "uuencode", "x-uuencode", "x-uue");

    private final Part part;
    private final String contentType;

    DecodedContent(Part part, String contentType) {
        this.part = part;
        this.contentType = contentType;
    }

    static InputStream open(Part part) throws MessagingException, IOException {
        if (part instanceof MimePart mime) {
            String encoding = mime.getEncoding();
            if (encoding != null && DECODABLE.contains(encoding.trim().toLowerCase(Locale.ROOT))) {
                InputStream raw = part instanceof jakarta.mail.internet.MimeBodyPart b ? b.getRawInputStream()
                        : ((jakarta.mail.internet.MimeMessage) part).getRawInputStream();
                return MimeUtility.decode(raw, encoding.trim());
            }
        }
        return part.getInputStream();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        try {
            return open(part);
        } catch (MessagingException e) {
            throw new IOException("part content unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("read-only");
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getName() {
        return "";
    }
}
