package io.github.mavenaws.codeartifact.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords encrypted as {@code mvn --encrypt-master-password} and {@code mvn --encrypt-password} write them
 * (plexus-cipher's PBECipher: AES-128-CBC, key and IV from SHA-256 over the password and an 8-byte salt, then
 * salt, pad length, cipher text and padding in Base64, in braces), so that a test gives a settings.xml what a user's
 * would hold. The master password is itself encrypted with the password {@code settings.security}.
 */
final class MavenPasswords {
    private static final SecureRandom RANDOM = new SecureRandom();

    private MavenPasswords() {}

    static String encrypt(String clear, String password) {
        try {
            byte[] salt = new byte[8];
            RANDOM.nextBytes(salt);
            byte[] keyAndIv = new byte[32];
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] round = null;
            for (int filled = 0; filled < keyAndIv.length; ) {
                sha.reset();
                if (round != null) {
                    sha.update(round);
                }
                sha.update(password.getBytes(StandardCharsets.UTF_8));
                sha.update(salt);
                round = sha.digest();
                int n = Math.min(round.length, keyAndIv.length - filled);
                System.arraycopy(round, 0, keyAndIv, filled, n);
                filled += n;
            }
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyAndIv, 0, 16, "AES"),
                    new IvParameterSpec(keyAndIv, 16, 16));
            byte[] encrypted = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            int pad = 16 - (8 + encrypted.length + 1) % 16;
            byte[] all = new byte[8 + 1 + encrypted.length + pad];
            System.arraycopy(salt, 0, all, 0, 8);
            all[8] = (byte) pad;
            System.arraycopy(encrypted, 0, all, 9, encrypted.length);
            return "{" + Base64.getEncoder().encodeToString(all) + "}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
