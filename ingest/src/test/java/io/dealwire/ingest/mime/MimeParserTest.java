package io.dealwire.ingest.mime;

import io.dealwire.core.message.Attachment;
import io.dealwire.core.message.MailMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MimeParserTest {
    private final MimeParser parser = new MimeParser();

    private static byte[] mail(String headersAndBody) {
        return headersAndBody.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mail(String text, Charset charset) {
        return text.replace("\n", "\r\n").getBytes(charset);
    }

    private static final String HEADERS = """
            Message-ID: <abc@client.test>
            From: =?UTF-8?Q?Ren=C3=A9e_Dupont?= <Renee@Client.TEST>
            To: Alice <alice@acme.test>, bob@acme.test
            Cc: "Carol, Sales" <carol@acme.test>
            Date: Tue, 3 Mar 2026 09:30:00 +0100
            In-Reply-To: <prev@acme.test>
            References: <root@acme.test> <prev@acme.test>
            """;

    @Test
    void readsHeadersAddressesAndEncodedWords() {
        MailMessage m = parser.parse(mail(HEADERS + """
                Subject: =?ISO-8859-1?Q?Devis_r=E9vis=E9?= =?UTF-8?B?4oCUIHYy?=
                Content-Type: text/plain; charset=utf-8

                Bonjour,
                """));
        assertEquals("abc@client.test", m.messageId());
        assertEquals("prev@acme.test", m.inReplyTo());
        assertEquals(List.of("root@acme.test", "prev@acme.test"), m.references());
        assertEquals("Devis révisé— v2", m.subject());
        assertEquals("renee@client.test", m.from().address());
        assertEquals("Renée Dupont", m.from().name());
        assertEquals(List.of("alice@acme.test", "bob@acme.test"), m.to().stream().map(a -> a.address()).toList());
        assertEquals("Carol, Sales", m.cc().getFirst().name());
        assertEquals(Instant.parse("2026-03-03T08:30:00Z"), m.date());
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
        assertNull(m.automated());
    }

    @Test
    void mislabelledAndUnknownCharsetsFallBack() {
        MailMessage utf8LabelledLatin1 = parser.parse(mail(HEADERS + """
                Subject: t
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: 8bit

                Déjà vu à Montréal
                """, StandardCharsets.UTF_8));
        assertEquals("Déjà vu à Montréal", utf8LabelledLatin1.text());

        MailMessage unknown = parser.parse(mail(HEADERS + """
                Subject: t
                Content-Type: text/plain; charset=x-no-such-charset
                Content-Transfer-Encoding: 8bit

                Prix: 12 €, très bien
                """, Charset.forName("windows-1252")));
        assertEquals("Prix: 12 €, très bien", unknown.text());
        assertTrue(unknown.warnings().stream().anyMatch(w -> w.contains("x-no-such-charset")), unknown.warnings().toString());

        MailMessage rawHeader = parser.parse(mail(HEADERS.replace("Message-ID: <abc@client.test>\n", "") + """
                Subject: Réunion jeudi
                Content-Type: text/plain

                ok
                """, StandardCharsets.UTF_8));
        assertEquals("Réunion jeudi", rawHeader.subject());
    }

    @Test
    void decodesQuotedPrintableAndBase64() {
        String b64 = Base64.getMimeEncoder().encodeToString("Offre acceptée, merci !".getBytes(StandardCharsets.UTF_8));
        MailMessage m = parser.parse(mail(HEADERS + """
                Subject: t
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Le contrat est sign=C3=A9, une ligne tr=
                 coup=C3=A9e.
                --b1
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                """ + b64 + "\n--b1--\n"));
        assertTrue(m.text().contains("Le contrat est signé, une ligne tr coupée."), m.text());
        assertTrue(m.text().contains("Offre acceptée, merci !"), m.text());
    }

    @Test
    void prefersPlainTextInAlternativesAndKeepsTheHtml() {
        MailMessage m = parser.parse(mail(HEADERS + """
                Subject: t
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8

                Plain version
                --alt
                Content-Type: text/html; charset=utf-8

                <html><body><p>HTML <b>version</b></p></body></html>
                --alt--
                --outer
                Content-Type: application/pdf; name="quote.pdf"
                Content-Disposition: attachment; filename="quote.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --outer--
                """));
        assertEquals("Plain version", m.text());
        assertTrue(m.html().contains("<b>version</b>"));
        Attachment pdf = m.attachments().getFirst();
        assertEquals("quote.pdf", pdf.filename());
        assertEquals("application/pdf", pdf.contentType());
        byte[] content = Base64.getDecoder().decode("JVBERi0xLjQK");
        assertEquals(content.length, pdf.size());
        assertEquals(sha256(content), pdf.sha256());
    }

    @Test
    void htmlOnlyMailBecomesTextWithoutTheQuotedHistory() {
        MailMessage m = parser.parse(mail(HEADERS + """
                Subject: Re: quote
                Content-Type: text/html; charset=utf-8

                <div dir="ltr">Yes, we accept the offer.<br>Signed copy follows.</div>
                <div class="gmail_quote"><div>On Mon, Mar 2, 2026 Alice wrote:</div>
                <blockquote>Here is our best price.</blockquote></div>
                """));
        assertTrue(m.text().contains("Here is our best price."), "the whole text keeps the history");
        assertEquals("Yes, we accept the offer.\nSigned copy follows.", m.newText());
    }

    @Test
    void forwardedMessagesContributeTheirText() {
        MailMessage m = parser.parse(mail(HEADERS + """
                Subject: Fwd: order
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                See below.
                --b
                Content-Type: message/rfc822

                From: Buyer <buyer@client.test>
                Subject: Purchase order 42
                Date: Mon, 2 Mar 2026 10:00:00 +0000
                Content-Type: text/plain

                We order 40 licences.
                --b--
                """));
        assertTrue(m.text().startsWith("See below."), m.text());
        assertTrue(m.text().contains("Subject: Purchase order 42"), m.text());
        assertTrue(m.text().contains("We order 40 licences."), m.text());
        assertEquals("See below.", m.newText());
    }

    @Test
    void readsCalendarInvites() {
        MailMessage m = parser.parse(mail(HEADERS + """
                Subject: Invitation: Demo
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/plain

                You are invited.
                --b
                Content-Type: text/calendar; method=REQUEST; charset=utf-8

                BEGIN:VCALENDAR
                METHOD:REQUEST
                BEGIN:VEVENT
                DTSTART;TZID=Europe/Paris:20260310T140000
                SUMMARY:Product demo\\, Acme
                END:VEVENT
                END:VCALENDAR
                --b--
                """));
        assertNotNull(m.invite());
        assertEquals("REQUEST", m.invite().method());
        assertEquals(Instant.parse("2026-03-10T13:00:00Z"), m.invite().start());
        assertEquals("Product demo, Acme", m.invite().summary());
        assertEquals("You are invited.", m.text());
    }

    @Test
    void oversizeMessagesKeepHeadersAndTextWithAWarning() {
        var small = new MimeParser(2_000);
        String big = "x".repeat(5_000);
        MailMessage m = small.parse(mail(HEADERS + """
                Subject: big one
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                The text survives.
                --b
                Content-Type: application/octet-stream; name="blob.bin"
                Content-Disposition: attachment; filename="blob.bin"

                """ + big + "\n--b--\n"));
        assertEquals("big one", m.subject());
        assertEquals("The text survives.", m.text());
        assertEquals("blob.bin", m.attachments().getFirst().filename());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("cap")), m.warnings().toString());
    }

    @Test
    void idsAreStableAcrossCopiesAndDistinctForDifferentContent() {
        String body = HEADERS + "Subject: Contract\nContent-Type: text/plain\n\nSigned.\n";
        MailMessage copy1 = parser.parse(mail("Received: from a by b; Tue, 3 Mar 2026 09:30:01 +0100\n" + body));
        MailMessage copy2 = parser.parse(mail("X-Folder: Sent\n" + body));
        assertEquals(copy1.id(), copy2.id(), "copies with different transport headers are one message");
        assertEquals(copy1.contentHash(), copy2.contentHash());

        MailMessage sameIdOtherBody = parser.parse(mail(body.replace("Signed.", "Not signed yet.")));
        assertNotEquals(copy1.id(), sameIdOtherBody.id(), "a shared Message-ID does not merge different messages");

        String noId = body.replace("Message-ID: <abc@client.test>\n", "");
        assertEquals(parser.parse(mail(noId)).id(), parser.parse(mail(noId)).id(), "no Message-ID: id from the content");
        assertNull(parser.parse(mail(noId)).messageId());
    }

    @Test
    void flagsAutomatedMail() {
        String base = "From: alice@acme.test\nTo: bob@acme.test\nSubject: %s\nDate: Tue, 3 Mar 2026 09:30:00 +0100\n%s\nhello\n";
        assertEquals("auto-submitted: auto-replied", reason(base.formatted("Out of office", "Auto-Submitted: auto-replied\n")));
        assertNull(reason(base.formatted("Hi", "Auto-Submitted: no\n")));
        assertEquals("precedence: bulk", reason(base.formatted("News", "Precedence: bulk\n")));
        assertEquals("mailing list", reason(base.formatted("[list] topic", "List-Id: <dev.lists.test>\n")));
        assertEquals("auto-reply", reason(base.formatted("Réponse automatique : absent", "X-Auto-Response-Suppress: All\n")));
        assertEquals("no-reply sender", reason(base.replace("From: alice@acme.test", "From: No Reply <no-reply@vendor.test>")
                .formatted("Your invoice", "")));
        assertNull(reason(base.formatted("Réponse automatique", "")), "a subject alone does not make mail automated");
        assertEquals("delivery report", parser.parse(mail("""
                From: MAILER-DAEMON@acme.test
                Subject: Undelivered Mail
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                Delivery failed.
                --r--
                """)).automated());
    }

    private String reason(String raw) {
        return parser.parse(mail(raw)).automated();
    }

    @Test
    void garbageNeverThrows() {
        for (byte[] raw : List.of(new byte[0], new byte[]{0, 1, 2, (byte) 0xff}, "no headers at all".getBytes(),
                mail("Content-Type: multipart/mixed\n\nno boundary\n"),
                mail("Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Transfer-Encoding: x-unknown\n\nbody\n"),
                mail("From: <<<@@@>>>\nDate: yesterday\nSubject: =?bogus?Q?x?=\n\nbody\n"))) {
            MailMessage m = parser.parse(raw);
            assertNotNull(m.id());
            assertEquals(raw.length, m.size());
            assertFalse(m.warnings().isEmpty(), "bad input is reported");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
