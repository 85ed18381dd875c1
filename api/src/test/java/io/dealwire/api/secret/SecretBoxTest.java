package io.dealwire.api.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SecretBoxTest {
    @TempDir
    Path dataDir;

    @Test
    void roundTripsAndNeverReturnsThePlainText() {
        var box = SecretBox.open(null, dataDir);
        var sealed = box.encrypt("hunter2-mailbox-password");
        assertFalse(sealed.contains("hunter2"));
        assertNotEquals(sealed, box.encrypt("hunter2-mailbox-password"), "a fresh IV each time");
        assertEquals("hunter2-mailbox-password", box.decrypt(sealed));
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReusedAcrossRestarts() throws Exception {
        var sealed = SecretBox.open(null, dataDir).encrypt("p");
        var file = dataDir.resolve("secret.key");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
        assertEquals("p", SecretBox.open(null, dataDir).decrypt(sealed));
    }

    @Test
    void anotherKeyOrATamperedValueIsRefusedWithAMessage() {
        var sealed = SecretBox.open(null, dataDir).encrypt("p");
        var other = SecretBox.open(Base64.getEncoder().encodeToString(new byte[32]), dataDir);
        var e = assertThrows(SecretBox.SecretException.class, () -> other.decrypt(sealed));
        assertTrue(e.getMessage().contains("secret key differs"), e.getMessage());
        var box = SecretBox.open(null, dataDir);
        var tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(SecretBox.SecretException.class, () -> box.decrypt(tampered));
        assertThrows(SecretBox.SecretException.class, () -> box.decrypt("plain"));
    }
}
