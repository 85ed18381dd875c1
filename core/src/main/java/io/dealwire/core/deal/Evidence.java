package io.dealwire.core.deal;

/**
 * Why a stage was inferred: the message, the rule that fired, the sentence quoted from the message's own
 * text, and how sure the rule is (0..1).
 */
public record Evidence(String messageId, String rule, String quote, double confidence) {
    public Evidence {
        quote = quote == null ? "" : quote;
        rule = rule == null ? "" : rule;
    }
}
