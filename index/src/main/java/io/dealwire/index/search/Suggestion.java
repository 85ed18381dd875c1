package io.dealwire.index.search;

/**
 * A type-ahead candidate.
 *
 * @param kind     company, deal or contact (a sender)
 * @param id       company or deal id, or the sender's address
 * @param label    name, deal title, or the sender's name (the address when it has none)
 * @param messages how many messages the viewer may see carry it
 */
public record Suggestion(String kind, String id, String label, long messages) {
}
