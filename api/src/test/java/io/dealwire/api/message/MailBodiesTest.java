package io.dealwire.api.message;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailBodiesTest {
    @Test
    void scriptsHandlersFormsFramesAndDangerousLinksAreRemoved() {
        var s = MailBodies.sanitize("""
                <div onmouseover="x()">Hi<script>alert(1)</script><iframe src="https://evil.example"></iframe>
                <form action="https://evil.example"><input name=p></form><svg onload=alert(1)></svg>
                <a href="javascript:alert(1)">a</a><a href="data:text/html,<script>alert(1)</script>">b</a>
                <a href="https://ok.example/path?q=1">c</a><a href="mailto:dana@acme.example">d</a>
                <style>body{display:none}</style><meta http-equiv="refresh" content="0;url=https://evil.example"></div>
                """, false).html();
        for (var bad : new String[]{"<script", "onmouseover", "<iframe", "<form", "<input", "<svg", "onload", "javascript:", "data:text",
                "<style", "<meta", "refresh"})
            assertFalse(s.contains(bad), bad + " survived: " + s);
        var decoded = s.replace("&#61;", "=").replace("&#64;", "@");
        assertTrue(decoded.contains("href=\"https://ok.example/path?q=1\""), s);
        assertTrue(decoded.contains("href=\"mailto:dana@acme.example\""), s);
        var rel = s.replaceAll("(?s).*?rel=\"([^\"]*)\".*", "$1");
        assertEquals(java.util.Set.of("nofollow", "noopener", "noreferrer"), java.util.Set.of(rel.split(" ")), "links open without a referrer: " + s);
    }

    @Test
    void remoteImagesAreLeftOutUnlessAskedAndInlineImagesStay() {
        var html = "<img src=\"https://tracker.example/p.gif\" alt=\"pixel\"><img src=\"data:image/png;base64,iVBORw0KGgo=\"><img src=\"cid:logo\">";
        var without = MailBodies.sanitize(html, false);
        assertFalse(without.html().contains("tracker.example"), without.html());
        assertTrue(without.html().replace("&#61;", "=").contains("src=\"data:image/png;base64,iVBORw0KGgo=\""), without.html());
        assertEquals(2, without.blockedImages(), "the remote image and the cid: one");
        var with = MailBodies.sanitize(html, true);
        assertTrue(with.html().contains("https://tracker.example/p.gif"), with.html());
        assertEquals(1, with.blockedImages());
    }

    @Test
    void formattingAndTablesStay() {
        var s = MailBodies.sanitize("<table border=1><tr><td colspan=2><b>Total</b> <i>42</i></td></tr></table><p style=\"color: red\">x</p>", false).html();
        assertTrue(s.contains("<table"), s);
        assertTrue(s.contains("colspan=\"2\""), s);
        assertTrue(s.contains("<b>Total</b>"), s);
        assertTrue(s.contains("color:red") || s.contains("color: red"), s);
        assertEquals("", MailBodies.sanitize(null, false).html());
        assertEquals("", MailBodies.sanitize("  ", true).html());
    }
}
