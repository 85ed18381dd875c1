package io.dealwire.ingest.sync;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * GreenMail server setups for tests: free ports (other builds on the machine use the fixed test
 * ports) and a startup timeout that survives a loaded machine.
 */
final class GreenMailSetups {
    private GreenMailSetups() {
    }

    static ServerSetup imap() {
        return patient(ServerSetupTest.IMAP.dynamicPort());
    }

    static ServerSetup imaps() {
        return patient(ServerSetupTest.IMAPS.dynamicPort());
    }

    private static ServerSetup patient(ServerSetup setup) {
        setup.setServerStartupTimeout(20_000);
        return setup;
    }
}
