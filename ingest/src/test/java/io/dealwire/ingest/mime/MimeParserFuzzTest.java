package io.dealwire.ingest.mime;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes through {@link MimeParser#parse(byte[])}: the parser promises never to throw on bad mail, so
 * every exception that escapes is a finding. The regression inputs (under {@code MimeParserFuzzTestInputs/})
 * are the {@code mime-edge} corpus plus what fuzzing found; {@code JAZZER_FUZZ=1} fuzzes for real
 * (see reliability/README.md).
 */
class MimeParserFuzzTest {
    /** Inputs are bounded so a run measures the parser, not the allocation of huge arrays. */
    private static final int MAX_INPUT = 512 * 1024;
    private static final MimeParser PARSER = new MimeParser(64 * 1024);

    @FuzzTest(maxDuration = "5m")
    void parseNeverThrows(byte[] raw) {
        if (raw.length > MAX_INPUT) return;
        var message = PARSER.parse(raw);
        assertNotNull(message, "parse returned null");
        assertNotNull(message.warnings(), "warnings are never null");
        // Memory stays bounded whatever the input: the kept text and HTML never pass their caps.
        var text = message.text() == null ? "" : message.text();
        assertTrue(text.length() <= MimeParser.TEXT_CAP_CHARS, () -> "text of " + text.length() + " chars is over the cap");
        var html = message.html() == null ? "" : message.html();
        assertTrue(html.length() <= MimeParser.HTML_CAP_CHARS, () -> "HTML of " + html.length() + " chars is over the cap");
    }
}
