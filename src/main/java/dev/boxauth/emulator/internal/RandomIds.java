package dev.boxauth.emulator.internal;

import java.security.SecureRandom;

/** Random identifiers and secrets in the shapes Box uses. One instance per emulator. */
public final class RandomIds {

    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + LOWER_ALNUM;

    private final SecureRandom random = new SecureRandom();

    /** Like a client id: 32 lowercase letters and digits. */
    public String clientId() {
        return pick(LOWER_ALNUM, 32);
    }

    /** Like a client secret or an access token: 32 letters and digits. */
    public String secret() {
        return pick(ALNUM, 32);
    }

    /** Like a public key id: 8 lowercase letters and digits. */
    public String keyId() {
        return pick(LOWER_ALNUM, 8);
    }

    /** {@code length} letters and digits. */
    public String alnum(int length) {
        return pick(ALNUM, length);
    }

    /** {@code length} lowercase letters and digits, like Box's request ids. */
    public String lowerAlnum(int length) {
        return pick(LOWER_ALNUM, length);
    }

    /** A positive number of {@code digits} digits, without a leading zero. */
    public String digits(int digits) {
        StringBuilder out = new StringBuilder(digits);
        out.append(1 + random.nextInt(9));
        for (int i = 1; i < digits; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    private String pick(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
