package io.dealwire.core.company;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CompanyDomainsTest {
    @Test
    void theRegistrableDomainIsPublicSuffixAware() {
        assertEquals("acme.co.uk", RegistrableDomain.of("mail.acme.co.uk"));
        assertEquals("acme-industrie.fr", RegistrableDomain.of("smtp.eu.acme-industrie.fr"));
        assertEquals("acme.example", RegistrableDomain.of("mail.acme.example"), "unknown suffixes fall back to the last two labels");
        assertEquals("", RegistrableDomain.of("not a domain"));
        assertEquals("Acme Industries", RegistrableDomain.displayName("acme-industries.co.uk"));
    }

    @Test
    void countryCodeTldsGiveThePhoneRegion() {
        assertEquals("FR", RegistrableDomain.region("acme.fr"));
        assertEquals("GB", RegistrableDomain.region("acme.co.uk"));
        assertNull(RegistrableDomain.region("acme.com"));
        assertNull(RegistrableDomain.region("brightdesk.io"), "a vanity country code is no country");
    }

    @Test
    void freeMailComesFromTheVendoredList() {
        var free = FreeMailDomains.bundled();
        assertTrue(free.size() > 1000, "the maintained list, not a hand-typed one");
        for (var d : new String[]{"gmail.com", "orange.fr", "hotmail.fr", "yahoo.fr", "outlook.com", "gmx.de", "free.fr", "laposte.net", "wanadoo.fr"}) {
            assertTrue(free.isFreeMail(d), d);
        }
        assertFalse(free.isFreeMail("acme-industrie.fr"));
        assertFalse(free.isFreeMail("co.uk"));
    }
}
