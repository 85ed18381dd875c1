package io.dealwire.index.query;

import io.dealwire.index.query.QueryNode.All;
import io.dealwire.index.query.QueryNode.And;
import io.dealwire.index.query.QueryNode.DateRange;
import io.dealwire.index.query.QueryNode.Not;
import io.dealwire.index.query.QueryNode.Operator;
import io.dealwire.index.query.QueryNode.Or;
import io.dealwire.index.query.QueryNode.Phrase;
import io.dealwire.index.query.QueryNode.Word;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static io.dealwire.index.query.SearchQueryParser.parse;
import static org.junit.jupiter.api.Assertions.*;

class SearchQueryParserTest {

    @Test
    void blankIsEverything() {
        assertEquals(new All(), parse("  "));
        assertEquals(new All(), parse(null));
    }

    @Test
    void wordsNextToEachOtherAreAllRequired() {
        assertEquals(new And(List.of(new Word("renewal"), new Word("discount"))), parse("renewal  discount"));
        assertEquals(new Word("e-mail"), parse("e-mail"));
    }

    @Test
    void phrasesKeepTheirWords() {
        assertEquals(new And(List.of(new Phrase("natural gas"), new Word("price"))), parse("\"natural gas\" price"));
    }

    @Test
    void minusExcludes() {
        assertEquals(new And(List.of(new Word("acme"), new Not(new Word("renewal")))), parse("acme -renewal"));
        assertEquals(new Not(new Operator("from", "bob@x.com", false)), parse("-from:bob@x.com"));
        assertEquals(new Not(new Phrase("out of office")), parse("-\"out of office\""));
    }

    @Test
    void orBindsTighterThanAnd() {
        assertEquals(new And(List.of(new Or(List.of(new Word("devis"), new Word("quote"))), new Word("acme"))),
                parse("devis OR quote acme"));
        // lower-case "or" is a plain word
        assertEquals(new And(List.of(new Word("devis"), new Word("or"), new Word("quote"))), parse("devis or quote"));
    }

    @Test
    void parenthesesGroup() {
        assertEquals(new And(List.of(new Word("acme"), new Or(List.of(new Word("a"), new Word("b"))))), parse("acme (a OR b)"));
        assertEquals(new Or(List.of(new And(List.of(new Word("a"), new Word("b"))), new Word("c"))), parse("(a b) OR c"));
    }

    @ParameterizedTest
    @CsvSource({
            "from:jeff@enron.com, from, jeff@enron.com",
            "to:dana, to, dana",
            "cc:legal@acme.com, cc, legal@acme.com",
            "subject:contract, subject, contract",
            "company:acme, company, acme",
            "deal:d-42, deal, d-42",
            "stage:proposal, stage, proposal",
            "owner:u-1, owner, u-1",
            "mailbox:mb-1, mailbox, mb-1",
            "filename:devis.pdf, filename, devis.pdf",
            "FROM:Jeff, from, Jeff",
            "has:attachment, has, attachment",
            "has:attachments, has, attachment",
            "is:inbound, is, inbound",
            "is:Outbound, is, outbound",
            "is:internal, is, internal",
            "is:automated, is, automated",
            "is:private, is, private",
            "lang:fr, lang, fr",
            "lang:EN, lang, en",
    })
    void operators(String query, String name, String value) {
        assertEquals(new Operator(name, value, false), parse(query));
    }

    @Test
    void operatorWithAQuotedValue() {
        assertEquals(new Operator("from", "Jeff Dasovich", true), parse("from:\"Jeff Dasovich\""));
        assertEquals(new Operator("subject", "price list", true), parse("subject:\"price list\""));
    }

    @Test
    void datesNameAPeriodInUtc() {
        assertEquals(new DateRange("after", Instant.parse("2001-01-01T00:00:00Z"), Instant.parse("2001-02-01T00:00:00Z")),
                parse("after:2001-01"));
        assertEquals(new DateRange("before", Instant.parse("2001-07-01T00:00:00Z"), Instant.parse("2001-08-01T00:00:00Z")),
                parse("before:2001-07"));
        assertEquals(new DateRange("on", Instant.parse("2024-02-29T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")),
                parse("on:2024-02-29"));
    }

    @Test
    void urlsAndTimesAreWordsNotOperators() {
        assertEquals(new Word("https://acme.com/offer"), parse("https://acme.com/offer"));
        assertEquals(new Word("10:30"), parse("10:30"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"natural gas     | 0 | the quote opened here is never closed",
            "acme \"\"          | 5 | empty phrase",
            "acme -            | 5 | '-' must be followed",
            "OR acme           | 0 | OR needs a term before it",
            "acme OR           | 5 | OR needs a term after it",
            "acme OR OR b      | 5 | OR needs a term after it",
            "foo:bar           | 0 | unknown operator 'foo:'",
            "acme from:        | 5 | from: needs a value",
            "has:pdf           | 4 | has: accepts only 'attachment'",
            "is:lost           | 3 | is: accepts inbound",
            "lang:de           | 5 | lang: accepts en or fr",
            "before:2001/01/01 | 7 | before: expects a date as YYYY-MM-DD or YYYY-MM",
            "after:2001-13     | 6 | after: '2001-13' is not a real date",
            "on:2023-02-29     | 3 | on: '2023-02-29' is not a real date",
            "acme (a OR b      | 5 | '(' is never closed",
            "acme )            | 5 | ')' without a matching '('",
            "acme ()           | 5 | empty parentheses",
            "from:\"\"         | 5 | from: has an empty quoted value",
    })
    void mistakesSayWhatAndWhere(String query, int position, String message) {
        var e = assertThrows(QuerySyntaxException.class, () -> parse(query));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertTrue(e.getMessage().endsWith("(at column " + (position + 1) + ")"), e.getMessage());
    }
}
