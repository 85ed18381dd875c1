package io.dealwire.core.party;

import io.dealwire.core.company.Company;
import io.dealwire.core.company.FreeMailDomains;
import io.dealwire.core.company.RegistrableDomain;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.contact.ContactNames;
import io.dealwire.core.contact.SignatureDetails;
import io.dealwire.core.contact.SignatureParser;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.store.Store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds, and for a person's customer mail creates, the contacts and companies a message involves.
 * External participants of From, To and Cc become contacts, except software addresses (no-reply,
 * mailer-daemon…) and, when none of us is addressed (we were Bcc'd), everyone but the sender.
 * A company comes from the registrable domain, never from a free-mail domain: such a customer is a
 * person account. The sender's signature refines their contact and their company's name.
 */
public final class PartyResolver {
    private final Store store;
    private final OwnDomains ownDomains;
    private final FreeMailDomains freeMail;
    private final IdGenerator ids;

    public PartyResolver(Store store, OwnDomains ownDomains, FreeMailDomains freeMail, IdGenerator ids) {
        this.store = store;
        this.ownDomains = ownDomains;
        this.freeMail = freeMail;
        this.ids = ids;
    }

    /** The external participants that may be contacts, sender first. */
    public List<EmailAddress> contactCandidates(MailMessage mail) {
        var out = new ArrayList<EmailAddress>();
        boolean weAreAddressed = mail.participants().stream().anyMatch(ownDomains::isOurs);
        for (var a : mail.participants()) {
            if (ownDomains.isOurs(a) || MachineAddresses.isMachine(a) || a.domain().isEmpty()) continue;
            if (!weAreAddressed && !a.equals(mail.from()) && (mail.from() == null || !a.address().equals(mail.from().address()))) continue;
            out.add(a);
        }
        return out;
    }

    /** The address that stands for the customer: the sender of inbound mail, the main external recipient of outbound mail. */
    public Optional<EmailAddress> customerAddress(MailMessage mail, Direction direction) {
        var candidates = contactCandidates(mail);
        if (direction == Direction.INBOUND) {
            return mail.from() != null && candidates.stream().anyMatch(a -> a.address().equals(mail.from().address()))
                    ? Optional.of(mail.from()) : Optional.empty();
        }
        if (direction == Direction.OUTBOUND) {
            for (var a : mail.to()) if (candidates.stream().anyMatch(c -> c.address().equals(a.address()))) return Optional.of(a);
            return candidates.stream().findFirst();
        }
        return Optional.empty();
    }

    /** The parties as already known, creating nothing (for mail that must leave no trace: automated, ignored). */
    public Parties find(MailMessage mail, Direction direction) {
        var contactIds = new LinkedHashSet<String>();
        for (var a : contactCandidates(mail)) store.contacts().findByEmail(a.address()).ifPresent(c -> contactIds.add(c.id()));
        var customer = customerAddress(mail, direction);
        if (customer.isEmpty()) return new Parties(List.copyOf(contactIds), null, null, "", "");
        var domain = RegistrableDomain.of(customer.get().domain());
        if (freeMail.isFreeMail(customer.get().domain())) {
            var person = store.contacts().findByEmail(customer.get().address());
            return new Parties(List.copyOf(contactIds), null, person.map(Contact::id).orElse(null),
                    person.map(Contact::name).orElse(""), "");
        }
        var company = store.companies().findByDomain(domain);
        return new Parties(List.copyOf(contactIds), company.map(Company::id).orElse(null), null,
                company.map(Company::name).orElse(""), domain);
    }

    /** Finds or creates the contacts and companies of a person's customer mail. */
    public Parties resolve(MailMessage mail, Direction direction, Instant at) {
        var contactIds = new LinkedHashSet<String>();
        Contact customerContact = null;
        Company customerCompany = null;
        var customer = customerAddress(mail, direction).orElse(null);
        for (var a : contactCandidates(mail)) {
            boolean isSender = mail.from() != null && a.address().equals(mail.from().address());
            // read once: the signature gives both the company's name and the contact's details
            var signature = isSender ? signatureOf(mail, a) : SignatureDetails.EMPTY;
            var company = companyFor(a, signature, at);
            var contact = contactFor(a, company.orElse(null), signature, at);
            contactIds.add(contact.id());
            if (customer != null && a.address().equals(customer.address())) {
                customerContact = contact;
                customerCompany = company.orElse(null);
            }
        }
        if (customerContact == null) return new Parties(List.copyOf(contactIds), null, null, "", "");
        if (customerCompany == null) {
            return new Parties(List.copyOf(contactIds), null, customerContact.id(),
                    customerContact.name().isEmpty() ? customerContact.primaryEmail() : customerContact.name(), "");
        }
        return new Parties(List.copyOf(contactIds), customerCompany.id(), null, customerCompany.name(), customerCompany.primaryDomain());
    }

    private SignatureDetails signatureOf(MailMessage mail, EmailAddress author) {
        var block = mail.signature();
        if (block.isBlank()) {
            var lines = mail.newText().strip().split("\\R");
            block = String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 8), lines.length));
        }
        var domain = RegistrableDomain.of(author.domain());
        boolean free = freeMail.isFreeMail(author.domain());
        return SignatureParser.parse(block, ContactNames.of(author), RegistrableDomain.region(author.domain()),
                free ? "" : RegistrableDomain.label(domain));
    }

    private Optional<Company> companyFor(EmailAddress address, SignatureDetails signature, Instant at) {
        if (freeMail.isFreeMail(address.domain())) return Optional.empty();
        var domain = RegistrableDomain.of(address.domain());
        if (domain.isEmpty()) return Optional.empty();
        var existing = store.companies().findByDomain(domain);
        var derivedName = RegistrableDomain.displayName(domain);
        if (existing.isPresent()) {
            var c = existing.get();
            // a name the signature gives beats one guessed from the domain
            if (!signature.companyName().isEmpty() && c.name().equals(derivedName) && !signature.companyName().equals(c.name())) {
                return Optional.of(store.companies().save(new Company(c.id(), signature.companyName(), c.domains(), c.createdAt())));
            }
            return existing;
        }
        var name = signature.companyName().isEmpty() ? derivedName : signature.companyName();
        return Optional.of(store.companies().save(new Company(ids.next("company"), name, List.of(domain), at)));
    }

    private Contact contactFor(EmailAddress address, Company company, SignatureDetails signature, Instant at) {
        var existing = store.contacts().findByEmail(address.address());
        if (existing.isEmpty()) {
            var name = ContactNames.of(address);
            if (name.isEmpty()) name = signature.name();
            return store.contacts().save(new Contact(ids.next("contact"), name, List.of(address.address()), signature.title(),
                    signature.phones(), company == null ? null : company.id(), List.of(), signature.website(), at));
        }
        var c = existing.get();
        var phones = new LinkedHashSet<>(c.phones());
        phones.addAll(signature.phones());
        var name = c.name().isEmpty() ? ContactNames.of(address) : c.name();
        var title = signature.title().isEmpty() ? c.title() : signature.title();
        var website = c.website().isEmpty() ? signature.website() : c.website();
        var updated = new Contact(c.id(), name, c.emails(), title, List.copyOf(phones), c.companyId(), c.formerCompanyIds(), website, c.createdAt());
        return updated.equals(c) ? c : store.contacts().save(updated);
    }
}
