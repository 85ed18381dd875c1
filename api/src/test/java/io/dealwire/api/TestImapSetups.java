package io.dealwire.api;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * GreenMail IMAP for the API tests: a port the server binds itself, and a startup timeout that survives a
 * loaded machine (GreenMail's default of 2 s fails the test when the server thread is slow to start).
 */
public final class TestImapSetups {
    private TestImapSetups() {
    }

    public static ServerSetup imap() {
        ServerSetup setup = ServerSetupTest.IMAP.dynamicPort();
        setup.setServerStartupTimeout(60_000);
        return setup;
    }
}
