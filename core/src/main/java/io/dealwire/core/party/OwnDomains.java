package io.dealwire.core.party;

import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The domains of our own company: those configured plus those of the connected mailboxes. An address
 * on one of them, or on a subdomain of one (eu.northwind.fr for northwind.fr), is a colleague's.
 *
 * <p>One instance is shared by everything that reads mail (intake, linking, threading) and grows when a
 * mailbox on a new domain is connected ({@link #include}), so the service need not restart for it.
 * Thread-safe: readers see an immutable set, replaced whole on a change.
 */
public final class OwnDomains {
    private volatile Set<String> domains;

    public OwnDomains(Set<String> domains) {
        this.domains = clean(domains);
    }

    private static Set<String> clean(Collection<String> domains) {
        var clean = new TreeSet<String>();
        for (var d : domains) {
            var n = normalise(d);
            if (!n.isEmpty()) clean.add(n);
        }
        return Set.copyOf(clean);
    }

    /** The domains now counted as ours. */
    public Set<String> domains() {
        return domains;
    }

    /**
     * Counts the domain of {@code domainOrAddress} (an address's part after '@', or a domain) as ours from
     * now on; a user name without '@' is not a domain and is ignored. Returns whether the set grew.
     */
    public synchronized boolean include(String domainOrAddress) {
        if (domainOrAddress == null) return false;
        var value = domainOrAddress.trim();
        if (value.contains("@")) value = value.substring(value.lastIndexOf('@') + 1);
        else if (!value.contains(".")) return false;
        var d = normalise(value);
        if (d.isEmpty() || domains.contains(d)) return false;
        var grown = new TreeSet<>(domains);
        grown.add(d);
        domains = Set.copyOf(grown);
        return true;
    }

    public static OwnDomains none() {
        return new OwnDomains(Set.of());
    }

    /** Configured domains plus the domain part of each connected mailbox's address (entries without '@' are skipped). */
    public static OwnDomains of(Collection<String> configured, Collection<String> mailboxAddresses) {
        var all = new TreeSet<String>();
        all.addAll(configured);
        for (var a : mailboxAddresses) {
            if (a != null && a.contains("@")) all.add(a.substring(a.lastIndexOf('@') + 1));
        }
        return new OwnDomains(all);
    }

    public boolean isOurs(EmailAddress address) {
        return address != null && isOurDomain(address.domain());
    }

    public boolean isOurDomain(String domain) {
        var d = normalise(domain);
        if (d.isEmpty()) return false;
        for (var own : domains) { // one read of the volatile set
            if (d.equals(own) || d.endsWith("." + own)) return true;
        }
        return false;
    }

    /**
     * OUTBOUND when one of us writes to at least one outsider, INBOUND when an outsider writes,
     * INTERNAL when only colleagues take part. A message without a sender counts as inbound if any
     * outsider takes part.
     */
    public Direction directionOf(MailMessage mail) {
        boolean anyExternal = mail.participants().stream().anyMatch(a -> !isOurs(a));
        if (mail.from() == null) return anyExternal ? Direction.INBOUND : Direction.INTERNAL;
        if (!isOurs(mail.from())) return Direction.INBOUND;
        return anyExternal ? Direction.OUTBOUND : Direction.INTERNAL;
    }

    private static String normalise(String domain) {
        if (domain == null) return "";
        var d = domain.trim().toLowerCase(Locale.ROOT);
        while (d.startsWith("@") || d.startsWith(".")) d = d.substring(1);
        while (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        return d;
    }

    @Override
    public String toString() {
        return "OwnDomains" + domains;
    }
}
