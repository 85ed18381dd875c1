package io.dealwire.ingest.mime;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/** Turns an HTML body into readable plain text (line breaks kept), optionally without quoted history. */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "ul", "ol", "blockquote", "pre", "hr", "section", "article", "header", "footer", "dd", "dt");

    /**
     * Where quoted history starts in the HTML of common clients: Gmail, Apple Mail, Thunderbird
     * (blockquote), Outlook (divRplyFwdMsg and the border-top header block that follows).
     */
    private static final String QUOTE_SELECTOR = ".gmail_quote, blockquote, #divRplyFwdMsg, #appendonsend, "
            + ".moz-cite-prefix, div.OutlookMessageHeader, .yahoo_quoted, #mail-editor-reference-message-container";

    private HtmlText() {
    }

    static String toText(String html) {
        return render(parse(html));
    }

    /** The text of the HTML without the quoted history that replies carry. */
    static String withoutQuotes(String html) {
        Document doc = parse(html);
        for (Element quote : doc.select(QUOTE_SELECTOR)) {
            if (quote.id().equals("divRplyFwdMsg") || quote.id().equals("appendonsend")) {
                // Outlook puts the quoted message after this marker as siblings: drop them too.
                Element next;
                while ((next = quote.nextElementSibling()) != null) next.remove();
            }
            quote.remove();
        }
        return render(doc);
    }

    private static Document parse(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title").remove();
        return doc;
    }

    private static String render(Document doc) {
        var out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    boolean pre = t.parent() instanceof Element e && e.tagName().equals("pre");
                    String s = pre ? t.getWholeText() : t.text();
                    if (!pre && (out.isEmpty() || out.charAt(out.length() - 1) == '\n')) s = s.stripLeading();
                    out.append(s);
                } else if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                    newline(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.tagName()) && !e.tagName().equals("br")) newline(out);
            }
        }, doc.body() == null ? doc : doc.body());
        return out.toString().replaceAll("[ \\t\\u00A0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void newline(StringBuilder out) {
        out.append('\n');
    }
}
