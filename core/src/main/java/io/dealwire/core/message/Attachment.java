package io.dealwire.core.message;

/** What is kept of an attachment: its name, type, size and a SHA-256 of its content (the content itself is not kept). */
public record Attachment(String filename, String contentType, long size, String sha256) {
    public Attachment {
        filename = filename == null ? "" : filename;
        contentType = contentType == null ? "application/octet-stream" : contentType;
    }
}
