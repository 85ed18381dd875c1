package io.dealwire.api.message;

import io.dealwire.core.message.Attachment;

import java.time.Instant;
import java.util.List;

/**
 * A message for reading: its metadata, its text and its HTML body sanitized.
 *
 * @param html          sanitized HTML, or empty when the message had no HTML part (show {@code text} then)
 * @param blockedImages images left out of {@code html}; ask again with {@code ?images=1} to show remote ones
 * @param erased        its content was erased on request: only metadata is left
 */
public record MessageView(String id, String messageId, String conversationId, String subject, String from, List<String> to,
                          List<String> cc, Instant date, String direction, String language, String dealId, String companyId,
                          List<String> contactIds, List<Attachment> attachments, String automated, List<String> warnings,
                          boolean privateConversation, boolean erased, String text, String html, int blockedImages,
                          boolean remoteImages) {
}
