package io.dealwire.core.party;

import io.dealwire.core.fixture.TestMail;
import io.dealwire.core.message.Direction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OwnDomainsTest {
    private final OwnDomains own = OwnDomains.of(List.of("northwind.fr"), List.of("paul@northwind-sales.com", "shared-inbox"));

    @Test
    void configuredAndMailboxDomainsAndTheirSubdomainsAreOurs() {
        assertTrue(own.isOurDomain("northwind-sales.com"));
        assertTrue(own.isOurDomain("eu.northwind.fr"));
        assertFalse(own.isOurDomain("notnorthwind.fr"));
    }

    @Test
    void aMailboxConnectedLaterMakesItsDomainOursForEveryoneHoldingTheSet() {
        var shared = OwnDomains.of(List.of("northwind.fr"), List.of());
        var mail = TestMail.id("4").from("lea@northwind.io").to("kim@acme.com").build();
        assertEquals(Direction.INBOUND, shared.directionOf(mail));
        assertTrue(shared.include("lea@Northwind.io"));
        assertFalse(shared.include("other@northwind.io"), "already ours");
        assertFalse(shared.include("shared-inbox"), "a login without a domain adds nothing");
        assertEquals(Direction.OUTBOUND, shared.directionOf(mail));
        assertTrue(shared.isOurDomain("eu.northwind.io"));
    }

    @Test
    void directionIsSeenFromOurCompany() {
        assertEquals(Direction.OUTBOUND, own.directionOf(TestMail.id("1").from("paul@northwind.fr").to("sophie@northwind.fr").cc("kim@acme.com").build()));
        assertEquals(Direction.INBOUND, own.directionOf(TestMail.id("2").from("kim@acme.com").to("paul@northwind.fr").build()));
        assertEquals(Direction.INTERNAL, own.directionOf(TestMail.id("3").from("paul@northwind.fr").to("sophie@eu.northwind.fr").build()));
    }

    @Test
    void softwareSendersAreRecognised() {
        for (var a : List.of("no-reply@acme.com", "noreply@acme.com", "MAILER-DAEMON@mx.acme.com", "ne-pas-repondre@impots.fr", "bounces+123@mail.acme.com", "newsletter@acme.fr",
                "book-news@amazon.com", "the_economist-business-admin@lists.economist.com", "great_steaks@offer.omahasteaks.com",
                "419899.247679897.1@newsbyemail.ft.com", "lettre@maison-brunet.fr", "store-news@shop.example",
                "anchordesk_daily@anchordesk.zdlists.com", "free_nokia_accessories@customoffers.com", "sweepsclub@optin-offers.net",
                "schwabalerts.marketupdates@schwab.com", "thestreet31@offers2.mail-thestreet.com", "wagerlist@onlinebettor.com", "etcadmin@expedia.com")) {
            assertTrue(MachineAddresses.isMachine(TestMail.address(a)), a);
        }
        for (var a : List.of("claire.martin@acme.fr", "contact@boulangerie.fr", "nora@acme.com", "info@pme.fr",
                "john.newsome@acme.com", "jean@mail.acme.co.uk", "e@acme.com", "anna@offerman-consulting.com", "paul@listeria-labs.fr", "marilene.listrom@omgroup.com", "kalist@acme.com")) {
            assertFalse(MachineAddresses.isMachine(TestMail.address(a)), a);
        }
    }
}
