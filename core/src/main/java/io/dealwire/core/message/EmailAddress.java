package io.dealwire.core.message;

import java.util.Locale;
import java.util.Objects;

/** A mailbox address with its display name. The address is kept lower-cased so it can be compared. */
public record EmailAddress(String address, String name) {
    public EmailAddress {
        Objects.requireNonNull(address, "address");
        address = address.trim().toLowerCase(Locale.ROOT);
        name = name == null ? "" : name.trim();
    }

    public static EmailAddress of(String address) {
        return new EmailAddress(address, "");
    }

    /** The part after the last '@', or an empty string for an address without one. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }

    public String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    @Override
    public String toString() {
        return name.isEmpty() ? address : name + " <" + address + ">";
    }
}
