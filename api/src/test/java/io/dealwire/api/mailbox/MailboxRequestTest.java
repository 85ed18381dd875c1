package io.dealwire.api.mailbox;

import io.dealwire.api.http.ApiException;
import io.dealwire.api.http.Json;
import io.dealwire.core.mailbox.Security;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MailboxRequestTest {

    private static MailboxRequest parse(String json) {
        return MailboxRequest.parse(Json.readObject(json), true);
    }

    private static String error(String json) {
        return assertThrows(ApiException.class, () -> parse(json)).getMessage();
    }

    @Test
    void aCompleteRequestIsRead() {
        var r = parse("""
                {"name":"Sales","host":"imap.northwind.fr","port":993,"security":"TLS","username":"sales@northwind.fr",
                 "password":"pw","folders":["INBOX","Sent"],"since":"2024-01-01","shared":true,
                 "pinnedCertificateSha256":"AB:CD:EF:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89"}
                """);
        assertEquals(Security.TLS, r.security());
        assertEquals(List.of("INBOX", "Sent"), r.folders());
        assertEquals(LocalDate.parse("2024-01-01"), r.since());
        assertTrue(r.shared());
        assertEquals("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", r.pinnedCertificateSha256());
    }

    @Test
    void plainTextIsRefusedForARemoteHostUnlessAllowed() {
        var base = """
                {"name":"S","host":"%s","port":143,"security":"none","username":"u","password":"p"%s}""";
        assertTrue(error(base.formatted("imap.example.com", "")).contains("allowInsecure"));
        assertEquals(Security.NONE, parse(base.formatted("127.0.0.1", "")).security());
        assertEquals(Security.NONE, parse(base.formatted("localhost", "")).security());
        assertTrue(parse(base.formatted("imap.example.com", ",\"allowInsecure\":true")).allowInsecure());
    }

    @Test
    void eachBadFieldGetsItsOwnMessage() {
        assertTrue(error("{\"name\":\"S\",\"port\":993,\"security\":\"tls\",\"username\":\"u\",\"password\":\"p\"}").contains("host is required"));
        assertTrue(error("{\"name\":\"S\",\"host\":\"h\",\"port\":0,\"security\":\"tls\",\"username\":\"u\",\"password\":\"p\"}").contains("port must be"));
        assertTrue(error("{\"name\":\"S\",\"host\":\"h\",\"port\":\"x\",\"security\":\"tls\",\"username\":\"u\",\"password\":\"p\"}").contains("port must be"));
        assertTrue(error("{\"name\":\"S\",\"host\":\"h\",\"port\":993,\"security\":\"ssl3\",\"username\":\"u\",\"password\":\"p\"}").contains("security must be"));
        assertTrue(error("{\"name\":\"S\",\"host\":\"h\",\"port\":993,\"security\":\"tls\",\"username\":\"u\"}").contains("password is required"));
        assertTrue(error("{\"name\":\"S\",\"host\":\"h\",\"port\":993,\"security\":\"tls\",\"username\":\"u\",\"password\":\"p\",\"since\":\"last year\"}").contains("YYYY-MM-DD"));
        assertTrue(error("{\"name\":\"S\",\"host\":\"h\",\"port\":993,\"security\":\"tls\",\"username\":\"u\",\"password\":\"p\",\"folders\":\"INBOX\"}").contains("folders must be an array"));
        assertTrue(error("{\"name\":\"S\",\"host\":\"bad host!\",\"port\":993,\"security\":\"tls\",\"username\":\"u\",\"password\":\"p\"}").contains("not a host name"));
        assertTrue(error("{\"name\":\"S\",\"host\":\"h\",\"port\":993,\"security\":\"tls\",\"username\":\"u\",\"password\":\"p\",\"pinnedCertificateSha256\":\"abc\"}").contains("64 hex digits"));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        assertTrue(assertThrows(ApiException.class, () -> Json.readObject("[1,2]")).getMessage().contains("JSON object"));
        assertTrue(assertThrows(ApiException.class, () -> Json.readObject("{\"a\":")).getMessage().contains("not valid JSON"));
        assertTrue(assertThrows(ApiException.class, () -> Json.readObject("")).getMessage().contains("needs a JSON body"));
    }
}
