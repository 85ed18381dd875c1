package io.dealwire.core.contact;

import io.dealwire.core.message.EmailAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SignatureParserTest {
    @Test
    void aFrenchSignatureGivesTitlePhonesCompanyAndWebsite() {
        var s = SignatureParser.parse("""
                Bien cordialement,
                Claire Martin
                Responsable des achats | Acme Industrie SAS
                Tél. : 01 23 45 67 89 – Mobile : +33 6 12 34 56 78
                12 rue des Forges, 69007 Lyon
                www.acme-industrie.fr
                """, "Claire Martin", "FR", "acme-industrie");
        assertEquals("Claire Martin", s.name());
        assertEquals("Responsable des achats", s.title());
        assertEquals("Acme Industrie SAS", s.companyName());
        assertEquals(List.of("+33123456789", "+33612345678"), s.phones());
        assertEquals("www.acme-industrie.fr", s.website());
    }

    @Test
    void anEnglishSignatureWithoutCountryOnlyKeepsInternationalNumbers() {
        var s = SignatureParser.parse("""
                Tom Baker, Head of Procurement
                Globex Corporation
                Office: +44 20 7946 0958
                Desk: 555 0100
                https://globex.com
                """, "Tom Baker", null, "globex");
        assertEquals("Head of Procurement", s.title());
        assertEquals("Globex Corporation", s.companyName());
        assertEquals(List.of("+442079460958"), s.phones());
        assertEquals("https://globex.com", s.website());
    }

    @Test
    void plainTextIsNotMistakenForASignature() {
        var s = SignatureParser.parse("Merci pour votre retour, à bientôt.", "Luc Bernard", "FR", "ferroval");
        assertEquals(SignatureDetails.EMPTY, s);
        var listed = SignatureParser.parse("Attached:\n- Metropolitan sales sheet.xls\n- Director's notes\nJohn", "John Smith", null, "austintx");
        assertEquals("", listed.title());
    }

    @Test
    void namesComeFromDisplayNamesOrTheAddress() {
        assertEquals("Jean Dupont", ContactNames.of(new EmailAddress("jd@acme.fr", "Dupont, Jean")));
        assertEquals("Jean Dupont", ContactNames.of(new EmailAddress("jean.dupont@acme.fr", "")));
        assertEquals("", ContactNames.of(new EmailAddress("contact@acme.fr", "contact@acme.fr")));
    }

    /** Lines without digits are not searched for numbers; numbers in other scripts' digits still are. */
    @Test
    void numbersWrittenInFullWidthDigitsAreStillFound() {
        var s = SignatureParser.parse("Claire Martin\nTél. ０１ ２３ ４５ ６７ ８９\nAcme Industrie SAS", "Claire Martin", "FR", "acme-industrie");
        assertEquals(List.of("+33123456789"), s.phones());
        assertEquals("Acme Industrie SAS", s.companyName());
    }

    /** On folded (lower-case) lines the title pattern without a case flag finds what it found with one. */
    @Test
    void theTitlePatternNeedsNoCaseFlagOnFoldedLines() {
        var withFlag = java.util.regex.Pattern.compile("(?i)" + SignatureParser.TITLE.pattern());
        for (var line : List.of("Directrice des achats | Acme Industries", "Head of Procurement", "VP Sales", "Vice-President, Operations",
                "Co-founder & CEO", "Chargée d'affaires", "Ingénieure système", "12 rue des Forges", "Bien cordialement,",
                "Team Leader – Support", "Managing Director", "Président-directeur général", "The Kelvin Group", "Salesforce admin")) {
            var folded = SignatureParser.fold(line);
            assertEquals(withFlag.matcher(folded).find(), SignatureParser.TITLE.matcher(folded).find(), folded);
        }
    }
}
