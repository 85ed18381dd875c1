package io.dealwire.core.mailbox;

/** How to reach the IMAP server: implicit TLS, STARTTLS, or plain (loopback or explicitly allowed only). */
public enum Security {
    TLS, STARTTLS, NONE
}
