package io.dealwire.api.message;

import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Makes a received HTML body safe to show: no scripts, event handlers, forms, frames or styles that escape
 * the message; links open elsewhere without a referrer; images only inline ({@code data:}) unless the reader
 * asks for remote ones, because a remote image tells the sender when and where their mail was read.
 */
public final class MailBodies {
    private static final Pattern LINK = Pattern.compile("^(?:https?:|mailto:)[^\\s]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_IMAGE = Pattern.compile("^data:image/(?:png|gif|jpe?g|webp);base64,[a-z0-9+/=\\s]+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_IMAGE = Pattern.compile("^(?:https?://[^\\s]+|data:image/(?:png|gif|jpe?g|webp);base64,[a-z0-9+/=\\s]+)$", Pattern.CASE_INSENSITIVE);
    private static final PolicyFactory WITHOUT_REMOTE_IMAGES = policy(INLINE_IMAGE);
    private static final PolicyFactory WITH_REMOTE_IMAGES = policy(ANY_IMAGE);

    private MailBodies() {
    }

    /** The sanitized HTML and how many images were left out (remote ones when not asked for, or unsafe ones). */
    public record Sanitized(String html, int blockedImages) {
    }

    public static Sanitized sanitize(String html, boolean remoteImages) {
        if (html == null || html.isBlank()) return new Sanitized("", 0);
        var blocked = new AtomicInteger();
        var policy = remoteImages ? WITH_REMOTE_IMAGES : WITHOUT_REMOTE_IMAGES;
        var clean = policy.sanitize(html, new HtmlChangeListener<AtomicInteger>() {
            @Override
            public void discardedTag(AtomicInteger count, String elementName) {
                if ("img".equals(elementName)) count.incrementAndGet();
            }

            @Override
            public void discardedAttributes(AtomicInteger count, String tagName, String... attributeNames) {
                if ("img".equals(tagName) && java.util.Arrays.asList(attributeNames).contains("src")) count.incrementAndGet();
            }
        }, blocked);
        return new Sanitized(clean, blocked.get());
    }

    private static PolicyFactory policy(Pattern imageSource) {
        return new HtmlPolicyBuilder()
                .allowCommonInlineFormattingElements()
                .allowCommonBlockElements()
                .allowElements("a", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col",
                        "hr", "br", "pre", "code", "blockquote", "img", "span", "div", "font", "center", "dl", "dt", "dd")
                .allowUrlProtocols("http", "https", "mailto", "data")
                .allowAttributes("href").matching(LINK).onElements("a")
                .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                .allowAttributes("src").matching(imageSource).onElements("img")
                .allowAttributes("alt", "width", "height").onElements("img")
                .allowAttributes("title", "dir", "lang").globally()
                .allowAttributes("align", "valign", "colspan", "rowspan", "width", "height", "bgcolor", "border",
                        "cellpadding", "cellspacing").onElements("table", "tr", "td", "th", "col", "colgroup", "div", "p")
                .allowAttributes("color", "face", "size").onElements("font")
                .allowStyling()
                .toFactory();
    }
}
