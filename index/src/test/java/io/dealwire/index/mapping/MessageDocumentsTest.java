package io.dealwire.index.mapping;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageDocumentsTest {
    /** What the preview was computed with before its one-pass version. */
    private static final Pattern LINE_BREAKS = Pattern.compile("[^\\S\\n]*\\R\\s*");
    private static final Pattern SPACES = Pattern.compile("[^\\S\\n]+");

    private static String byRegex(String text) {
        var head = text.length() > MessageDocuments.PREVIEW_CHARS * 8 ? text.substring(0, MessageDocuments.PREVIEW_CHARS * 8) : text;
        return SPACES.matcher(LINE_BREAKS.matcher(head.strip()).replaceAll("\n")).replaceAll(" ");
    }

    @Test
    void spacesAndBlankLinesCollapse() {
        assertEquals("Hello Paul,\nthe offer is attached.\nRegards",
                MessageDocuments.preview("  Hello   Paul,  \r\n\r\n \t the offer\tis attached.\n\n\n   Regards \n "));
    }

    @Test
    void agreesWithTheRegularExpressionsOnEveryKindOfWhitespace() {
        char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u0085', '\u2028', '\u2029', '\u00a0', '\u3000', '\u001C'};
        var random = new Random(7);
        for (int t = 0; t < 20_000; t++) {
            var sb = new StringBuilder();
            int length = random.nextInt(t % 100 == 0 ? 12_000 : 40);
            for (int i = 0; i < length; i++) sb.append(alphabet[random.nextInt(alphabet.length)]);
            var text = sb.toString();
            assertEquals(byRegex(text), MessageDocuments.preview(text), () -> "text " + text.chars()
                    .mapToObj(c -> String.format("%04x", c)).toList());
        }
    }
}
