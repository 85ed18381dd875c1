package io.dealwire.ingest.mime;

import io.dealwire.core.message.MailMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTML-only replies from Outlook (desktop, web, French): the new text stops where the quoted message starts. */
class OutlookHtmlRepliesTest {
    private final MimeParser parser = new MimeParser();

    private MailMessage parse(String html) {
        String raw = """
                Message-ID: <r1@ridgeway.example>
                From: Dana Reeves <dana.reeves@ridgeway.example>
                To: Sam <sam@vendor.example>
                Date: Tue, 3 Jun 2025 09:30:00 +0100
                Subject: RE: Proposal - fleet telematics
                MIME-Version: 1.0
                Content-Type: text/html; charset="utf-8"

                """ + html;
        return parser.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void outlookDesktopBorderTopHeaderBlockStartsTheHistory() {
        var m = parse("""
                <html><body><div class="WordSection1">
                <p class="MsoNormal">Hi Sam,<o:p></o:p></p>
                <p class="MsoNormal">After careful consideration, we&#8217;ve decided to go in a different direction.<o:p></o:p></p>
                <p class="MsoNormal">Thanks for your time,<br>Dana<o:p></o:p></p>
                <div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
                <p class="MsoNormal"><b>From:</b> Sam &lt;sam@vendor.example&gt;<br><b>Sent:</b> Monday, June 2, 2025 4:12 PM<br>
                <b>To:</b> Dana Reeves &lt;dana.reeves@ridgeway.example&gt;<br><b>Subject:</b> Proposal - fleet telematics</p></div>
                <p class="MsoNormal">Please find attached our proposal. We are delighted to go ahead whenever you are.</p>
                </div></body></html>
                """);
        assertTrue(m.newText().contains("different direction"), m.newText());
        assertFalse(m.newText().contains("delighted"), m.newText());
    }

    @Test
    void frenchOutlookHeadersWithNonBreakingSpacesAfterARuleStartTheHistory() {
        var m = parse("""
                <html><body><div>Bonjour,</div><div>Revenez vers nous après l'été, le budget sera voté en septembre.</div>
                <div>Cordialement,</div><div>Mme Perrin</div>
                <hr style="display:inline-block;width:98%" tabindex="-1">
                <div dir="ltr"><font face="Calibri" style="font-size:11pt"><b>De&nbsp;:</b> Paul &lt;paul@vendor.example&gt;<br>
                <b>Envoyé&nbsp;:</b> lundi 2 juin 2025 16:12<br><b>À&nbsp;:</b> Perrin &lt;perrin@orange.fr&gt;<br>
                <b>Objet&nbsp;:</b> Devis</font></div>
                <div>Nous vous confirmons notre accord, bon pour accord.</div>
                </body></html>
                """);
        assertTrue(m.newText().contains("après l'été"), m.newText());
        assertFalse(m.newText().contains("bon pour accord"), m.newText());
    }

    @Test
    void outlookWebReplyMarkerDropsTheQuotedMessage() {
        var m = parse("""
                <html><body><div>We will not be moving forward with the project this year.</div>
                <div id="appendonsend"></div><hr style="display:inline-block;width:98%">
                <div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Sam<br><b>Sent:</b> Monday<br><b>Subject:</b> Proposal</div>
                <div><p>Happy to sign the order form.</p></div>
                </body></html>
                """);
        assertEquals("We will not be moving forward with the project this year.", m.newText());
    }

    @Test
    void plainTextFrenchOutlookHeadersWithNonBreakingSpacesStartTheHistory() {
        var split = ReplySplitter.split("Bonjour,\nLe projet est mis en pause, on reprend contact à la rentrée.\n\n"
                + "De\u00a0: Paul Girard <paul@vendor.example>\nEnvoyé\u00a0: lundi 2 juin 2025 16:12\nÀ\u00a0: Perrin\nObjet\u00a0: Devis\n\n"
                + "Vous trouverez ci-joint notre devis.");
        assertEquals("Bonjour,\nLe projet est mis en pause, on reprend contact à la rentrée.", split.newText());
    }

    @Test
    void aShortThankYouBeforeTheMessageIsNotTheSignature() {
        var split = ReplySplitter.split("Bonjour Monsieur,\nMerci.\nNous ne pouvons pas nous engager maintenant, revenez vers nous après l'été.\n"
                + "Bonne journée\nJ. Perrin");
        assertEquals("Bonjour Monsieur,\nMerci.\nNous ne pouvons pas nous engager maintenant, revenez vers nous après l'été.", split.newText());
        assertEquals("Bonne journée\nJ. Perrin", split.signature());
        var plain = ReplySplitter.split("Hi Sam,\nSounds good, Tuesday works.\nThanks,\nDana Reeves\nLogistics Manager");
        assertEquals("Hi Sam,\nSounds good, Tuesday works.", plain.newText());
    }
}
