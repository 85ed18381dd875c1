package io.dealwire.ingest.mime;

import io.dealwire.core.message.EmailAddress;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class MessageIdentityTest {

    @Test
    void whitespaceRunsCountAsOneSpaceAndEndsDoNotCount() {
        var from = EmailAddress.of("ann@acme.example");
        var at = Instant.parse("2026-03-02T10:00:00Z");
        assertEquals(MessageIdentity.contentHash(from, at, "Quote", "Hello\r\n\r\nthe  quote\tis attached.\n"),
                MessageIdentity.contentHash(from, at, " Quote ", "Hello\n\nthe quote is attached."));
        assertNotEquals(MessageIdentity.contentHash(from, at, "Quote", "the quote"),
                MessageIdentity.contentHash(from, at, "Quote", "thequote"));
    }

    /** The one-pass normalisation gives what {@code replaceAll("\\s+", " ").strip()} gives, on any text. */
    @Test
    void normalisationIsTheRegexOne() {
        var random = new Random(7);
        String alphabet = "ab \t\n\r\u000B\f\u00a0\u2028\u2003é.";
        for (int i = 0; i < 20_000; i++) {
            var sb = new StringBuilder();
            int n = random.nextInt(16);
            for (int j = 0; j < n; j++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            var text = sb.toString();
            assertEquals(text.replaceAll("\\s+", " ").strip(), MessageIdentity.normalize(text), () -> "\"" + text + "\"");
        }
        assertEquals("", MessageIdentity.normalize(null));
    }
}
