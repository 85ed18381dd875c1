package io.dealwire.index.search;

import java.time.Instant;

/**
 * One message found.
 *
 * @param id                   the stored message's id (for {@code GET /api/messages/{id}})
 * @param messageId            its Message-ID header, or null when it has none (to open it in a mail client)
 * @param snippet              HTML: the escaped text around the matches, matches in {@code <mark>}
 * @param deal                 deal id or null; {@code dealTitle} its title when indexed
 * @param company              company id or null; {@code companyName} its name when indexed
 * @param direction            inbound, outbound or internal (lower case), or null
 * @param conversationMatches  how many matching messages its conversation holds (1 when not grouped)
 */
public record Hit(
        String id,
        String messageId,
        String conversationId,
        String subject,
        String from,
        Instant date,
        String snippet,
        String deal,
        String dealTitle,
        String stage,
        String company,
        String companyName,
        String direction,
        String language,
        boolean hasAttachment,
        int conversationMatches,
        float score) {
}
