package io.dealwire.api.mailbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.api.http.ApiException;
import io.dealwire.core.mailbox.Security;
import io.dealwire.ingest.sync.LoopbackHost;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A validated {@code POST /api/mailboxes} (or {@code /test}) body. */
public record MailboxRequest(
        String name,
        String host,
        int port,
        Security security,
        String username,
        String password,
        List<String> folders,
        LocalDate since,
        String owner,
        boolean shared,
        boolean allowInsecure,
        String pinnedCertificateSha256) {

    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$|^\\[?[0-9A-Fa-f:.]+]?$");
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    public static MailboxRequest parse(JsonNode body, boolean nameRequired) {
        var host = text(body, "host", true);
        if (!HOST.matcher(host).matches()) throw ApiException.badRequest("host '" + host + "' is not a host name or IP address");
        int port = body.path("port").asInt(-1);
        if (!body.path("port").canConvertToInt() || port < 1 || port > 65535)
            throw ApiException.badRequest("port must be a number from 1 to 65535");
        var securityText = text(body, "security", true).toLowerCase(Locale.ROOT);
        Security security = switch (securityText) {
            case "tls" -> Security.TLS;
            case "starttls" -> Security.STARTTLS;
            case "none" -> Security.NONE;
            default -> throw ApiException.badRequest("security must be \"tls\", \"starttls\" or \"none\", got \"" + securityText + "\"");
        };
        boolean allowInsecure = body.path("allowInsecure").asBoolean(false);
        if (security == Security.NONE && !allowInsecure && !LoopbackHost.is(host))
            throw ApiException.badRequest("security \"none\" sends the password in clear text: it is refused for " + host
                    + " unless the host is loopback or \"allowInsecure\": true is given");
        var folders = new ArrayList<String>();
        if (body.has("folders") && !body.get("folders").isNull()) {
            if (!body.get("folders").isArray()) throw ApiException.badRequest("folders must be an array of folder names");
            for (var f : body.get("folders")) {
                if (!f.isTextual() || f.asText().isBlank()) throw ApiException.badRequest("folders must be an array of non-empty folder names");
                folders.add(f.asText());
            }
        }
        LocalDate since = null;
        if (body.hasNonNull("since")) {
            try {
                since = LocalDate.parse(body.get("since").asText());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("since must be a date as YYYY-MM-DD, got '" + body.get("since").asText() + "'");
            }
        }
        String pin = null;
        if (body.hasNonNull("pinnedCertificateSha256")) {
            pin = body.get("pinnedCertificateSha256").asText().replace(":", "").toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(pin).matches())
                throw ApiException.badRequest("pinnedCertificateSha256 must be the certificate's SHA-256 fingerprint: 64 hex digits (colons allowed)");
        }
        var name = nameRequired ? text(body, "name", true) : body.path("name").asText(host);
        if (name.length() > 200) throw ApiException.badRequest("name must be at most 200 characters");
        return new MailboxRequest(name, host, port, security, text(body, "username", true), text(body, "password", true),
                folders, since, body.hasNonNull("owner") ? body.get("owner").asText() : null,
                body.path("shared").asBoolean(false), allowInsecure, pin);
    }

    static String text(JsonNode body, String field, boolean required) {
        var node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) throw ApiException.badRequest(field + " is required");
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) throw ApiException.badRequest(field + " must be a non-empty string");
        return node.asText().trim();
    }
}
