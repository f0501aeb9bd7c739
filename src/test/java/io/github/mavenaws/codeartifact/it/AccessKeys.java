package io.github.mavenaws.codeartifact.it;

import java.security.SecureRandom;

/**
 * Fresh access key pairs: the fake refuses to register an access key twice, and each run gets its own identity so
 * one scenario's grants never leak into the next.
 */
final class AccessKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private AccessKeys() {
    }

    /** An {@code AKIA...} id of 20 characters, like an IAM user's. */
    static String accessKeyId() {
        return "AKIA" + random(UPPER, 16);
    }

    /** 40 characters, like a real secret access key. */
    static String secretAccessKey() {
        return random(SECRET, 40);
    }

    private static String random(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
