package io.dealwire.core.party;

import java.util.List;

/**
 * Who a message involves on the customer's side.
 *
 * @param contactIds       contacts of the external participants (existing or just created)
 * @param companyId        the customer's company: the sender's for inbound mail, the main recipient's for
 *                         outbound; null for a customer on free mail or when no customer takes part
 * @param personContactId  the customer as a person account (free mail), else null
 * @param customerName     the company's or the person's name, for deal titles
 * @param customerDomain   the customer's registrable domain (empty for free mail)
 */
public record Parties(List<String> contactIds, String companyId, String personContactId, String customerName, String customerDomain) {
    public Parties {
        contactIds = List.copyOf(contactIds == null ? List.of() : contactIds);
        customerName = customerName == null ? "" : customerName;
        customerDomain = customerDomain == null ? "" : customerDomain;
    }

    public static final Parties NONE = new Parties(List.of(), null, null, "", "");

    public boolean hasCustomer() {
        return companyId != null || personContactId != null;
    }
}
