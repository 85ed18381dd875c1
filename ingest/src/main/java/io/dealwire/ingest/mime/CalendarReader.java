package io.dealwire.ingest.mime;

import io.dealwire.core.message.CalendarInvite;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the method, start and summary of the first event of an iCalendar (RFC 5545) text. */
final class CalendarReader {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private CalendarReader() {
    }

    static CalendarInvite read(String ics) {
        // unfold: a line starting with a space or tab continues the previous one
        String unfolded = ics.replace("\r\n", "\n").replaceAll("\n[ \t]", "");
        String method = null;
        Instant start = null;
        String summary = null;
        boolean inEvent = false;
        boolean seenEvent = false;
        for (String line : unfolded.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String nameAndParams = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            String name = nameAndParams.split(";", 2)[0].trim().toUpperCase(Locale.ROOT);
            switch (name) {
                case "METHOD" -> { if (method == null) method = value.toUpperCase(Locale.ROOT); }
                case "BEGIN" -> { if (value.equalsIgnoreCase("VEVENT") && !seenEvent) inEvent = true; }
                case "END" -> { if (value.equalsIgnoreCase("VEVENT") && inEvent) { inEvent = false; seenEvent = true; } }
                case "DTSTART" -> { if (inEvent && start == null) start = instant(nameAndParams, value); }
                case "SUMMARY" -> { if (inEvent && summary == null) summary = unescape(value); }
                default -> { }
            }
        }
        if (method == null && start == null && summary == null) return null;
        return new CalendarInvite(method, start, summary);
    }

    private static Instant instant(String params, String value) {
        try {
            if (value.endsWith("Z")) {
                return LocalDateTime.parse(value.substring(0, value.length() - 1), LOCAL).toInstant(ZoneOffset.UTC);
            }
            if (value.length() == 8) return LocalDate.parse(value, DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
            ZoneId zone = ZoneOffset.UTC;
            for (String p : params.split(";")) {
                if (p.toUpperCase(Locale.ROOT).startsWith("TZID=")) zone = zone(p.substring(5).replace("\"", ""));
            }
            return LocalDateTime.parse(value, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null; // an unreadable start leaves the invite without one: method and summary are still useful
        }
    }

    private static ZoneId zone(String tzid) {
        try {
            return ZoneId.of(tzid);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC; // Windows zone names ("Romance Standard Time") are not IANA ids
        }
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
    }
}
