package io.dealwire.api.secret;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts mailbox passwords at rest with AES-GCM. The key lives outside the store: in
 * {@code DEALWIRE_SECRET_KEY}, or in a key file created with mode 0600 in the data dir.
 * Ciphertexts look like {@code v1:<base64(iv ‖ ciphertext ‖ tag)>}.
 */
public final class SecretBox {
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** The configured base64 key, else the data dir's key file (created on first use). */
    public static SecretBox open(String base64KeyOrNull, Path dataDir) {
        if (base64KeyOrNull != null) return new SecretBox(Base64.getDecoder().decode(base64KeyOrNull));
        var file = dataDir.resolve("secret.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                var fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            var key = Base64.getDecoder().decode(Files.readString(file).trim());
            return new SecretBox(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the key file " + file + " does not hold a base64 key", e);
        }
    }

    public String encrypt(String plain) {
        try {
            var iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            var sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            var out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** @throws SecretException when the text was not sealed with this key (wrong key, tampered) */
    public String decrypt(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) throw new SecretException("not an encrypted value");
        try {
            var bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (bytes.length <= IV_BYTES) throw new SecretException("encrypted value is truncated");
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretException("cannot decrypt: the secret key differs from the one that encrypted this value, or it was altered");
        }
    }

    public static final class SecretException extends RuntimeException {
        public SecretException(String message) {
            super(message);
        }
    }
}
