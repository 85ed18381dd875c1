package io.dealwire.api;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * The GreenMail inbox sales@northwind.example that the end-to-end tests connect to the service as a mailbox, and the
 * customer's request for a quote that opens most of their scenarios.
 */
public final class SalesInbox {
    public static final String PASSWORD = "s3cret-pass";
    /** Dana asks Northwind for a quote: the first message of a deal. */
    public static final String QUOTE_REQUEST = """
            Message-ID: <q1@acme.example>
            Date: Mon, 3 Mar 2025 09:00:00 +0000
            From: Dana Smith <dana@acme.example>
            To: Sales <sales@northwind.example>
            Subject: Request for a quote on 40 licences
            Content-Type: text/plain; charset=UTF-8

            Hello, we would like a quote for 40 licences of your planning software.
            Dana Smith
            Head of Operations, Acme
            """;
    private static final String ADDRESS = "sales@northwind.example";

    private final GreenMailExtension imap;

    /** Creates the inbox's account on the server (GreenMail's extension starts each test without one). */
    public SalesInbox(GreenMailExtension imap) {
        this.imap = imap;
        imap.setUser(ADDRESS, "sales", PASSWORD);
    }

    public void deliver(String raw) throws Exception {
        imap.getUserManager().getUserByEmail(ADDRESS).deliver(GreenMailUtil.newMimeMessage(raw));
    }

    public void deliver(byte[] raw) throws Exception {
        imap.getUserManager().getUserByEmail(ADDRESS).deliver(GreenMailUtil.newMimeMessage(new java.io.ByteArrayInputStream(raw)));
    }

    /** The body of {@code POST /api/mailboxes} that connects the inbox's INBOX. */
    public String mailboxRequest() {
        return """
                {"name": "Sales", "host": "127.0.0.1", "port": %d, "security": "none",
                 "username": "sales", "password": "%s", "folders": ["INBOX"]}
                """.formatted(imap.getImap().getPort(), PASSWORD);
    }
}
