package io.dealwire.ingest.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether plain-text IMAP to a host stays on this machine: "localhost" or a loopback IP literal. The API
 * (accepting a mailbox) and the sync (connecting to it) ask the same question, so they must agree.
 */
public final class LoopbackHost {
    private LoopbackHost() {
    }

    /** Names are never resolved here, so a DNS answer cannot turn a remote host into a "loopback" one. */
    public static boolean is(String host) {
        if (host == null) return false;
        String h = host.trim();
        if (h.equalsIgnoreCase("localhost")) return true;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+|\\[[0-9a-fA-F:]+]")) return false;
        try {
            return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
