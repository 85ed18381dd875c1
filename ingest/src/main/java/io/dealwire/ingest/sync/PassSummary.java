package io.dealwire.ingest.sync;

import java.time.Duration;
import java.util.List;

/**
 * What one sync pass over a mailbox did.
 *
 * @param folders  the folders synced
 * @param fetched  messages fetched and handed to intake
 * @param gone     locations marked gone (expunged on the server)
 * @param vanished of those, the ones the server reported through QRESYNC (the rest by comparing UIDs)
 * @param rescans  folders rescanned (UIDVALIDITY changed or UIDNEXT went backwards)
 * @param warnings messages stored with parse warnings
 */
public record PassSummary(List<String> folders, long fetched, long gone, long vanished, int rescans, long warnings, long bytes,
                          Duration elapsed) {
    public PassSummary {
        folders = List.copyOf(folders);
    }
}
