package io.dealwire.api.message;

import java.time.Instant;
import java.util.List;

/**
 * One message on a timeline.
 *
 * @param id        the Dealwire id (for {@code /api/messages/{id}})
 * @param messageId the Message-ID header
 * @param direction inbound, outbound or internal
 * @param snippet   the start of the text the message adds (plain text, not HTML)
 */
public record TimelineItem(String id, String messageId, String conversationId, String subject, String from, List<String> to,
                           Instant date, String direction, String dealId, String snippet, int attachments, boolean automated) {
}
