package io.dealwire.api.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dealwire.api.mailbox.MailboxRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any request body: {@link Json#readObject} and {@link MailboxRequest#parse} either accept it or raise an
 * {@link ApiException} with a 400 and a message; anything else would reach the client as a 500. Regression
 * inputs live under {@code JsonBodyFuzzTestInputs/}.
 */
class JsonBodyFuzzTest {
    /** Bodies above the API's limit are refused before they reach the parser. */
    private static final long MAX_BODY_CHARS = ApiLimits.MAX_BODY_BYTES;

    @FuzzTest(maxDuration = "5m")
    void badBodiesAreBadRequests(FuzzedDataProvider data) {
        boolean nameRequired = data.consumeBoolean();
        var body = data.consumeRemainingAsString();
        if (body.length() > MAX_BODY_CHARS) return;
        try {
            var node = Json.readObject(body);
            assertTrue(node.isObject(), "readObject returned something other than an object");
            var request = MailboxRequest.parse(node, nameRequired);
            assertNotNull(request.host(), "an accepted request has a host");
            assertTrue(request.port() >= 1 && request.port() <= 65535, () -> "port " + request.port() + " accepted");
        } catch (ApiException e) {
            assertEquals(400, e.status(), () -> "a bad body is a 400, got " + e.status() + ": " + e.getMessage());
            assertNotNull(e.getMessage(), "a bad request says what is wrong");
        }
    }
}
