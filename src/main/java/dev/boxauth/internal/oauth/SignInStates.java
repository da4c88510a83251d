package dev.boxauth.internal.oauth;

import dev.boxauth.oauth.SignInException;
import dev.boxauth.oauth.SignInException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code state}s of sign-ins in progress, held by nobody until they are used: each carries its expiry
 * and a random nonce, signed with HMAC-SHA256, so that any instance holding the key can check it, and no
 * number of sign-ins started by anyone can crowd out another browser's. A state is accepted once, before
 * it expires; {@link UsedSignInStates} remembers the used ones until then.
 *
 * <p>A state is {@code base64url(expiry millis (8) | nonce (16) | HMAC (16))}. Thread-safe.
 */
final class SignInStates {

    private static final int NONCE_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final int PAYLOAD_BYTES = 8 + NONCE_BYTES;

    private final List<SecretKeySpec> keys;
    private final Duration lifetime;
    private final SecureRandom random;
    private final UsedSignInStates used;

    /**
     * @param keys HMAC keys: the first signs, every one verifies (so that a cluster can rotate them)
     * @param lifetime how long a sign-in may take
     */
    SignInStates(List<byte[]> keys, Duration lifetime, SecureRandom random, UsedSignInStates used) {
        this.keys = keys.stream().map(key -> new SecretKeySpec(key, "HmacSHA256")).toList();
        this.lifetime = lifetime;
        this.random = random;
        this.used = used;
    }

    String issue(Instant now) {
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).putLong(now.plus(lifetime).toEpochMilli())
                .put(nonce()).array();
        byte[] state = ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES).put(payload).put(mac(keys.get(0), payload))
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(state);
    }

    /**
     * Accepts {@code state} once.
     *
     * @throws SignInException when it is missing, not signed by this application's key, used before or expired
     */
    void consume(String state, Instant now) {
        if (state == null || state.isBlank()) {
            throw new SignInException(Reason.STATE_MISSING, "The sign-in callback has no state parameter: start"
                    + " the sign-in again.", null);
        }
        byte[] bytes = decode(state);
        if (bytes == null || !signed(bytes)) {
            throw new SignInException(Reason.STATE_UNKNOWN, "The sign-in callback's state was not issued by this"
                    + " application (or, in a cluster, one that shares its store keys): start the sign-in again.",
                    null);
        }
        Instant expiresAt = Instant.ofEpochMilli(ByteBuffer.wrap(bytes).getLong());
        if (!now.isBefore(expiresAt)) {
            throw new SignInException(Reason.STATE_EXPIRED, "The sign-in took longer than " + lifetime
                    + " (signInTimeout): start it again.", null);
        }
        if (!used.firstUse(state, expiresAt, now)) {
            throw new SignInException(Reason.STATE_REUSED, "The sign-in callback's state was used already: a"
                    + " callback is accepted once. Start the sign-in again.", null);
        }
    }

    /** A key for one instance alone: its states are good only there. */
    static byte[] randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    /** The HMAC key derived from a shared secret, for one purpose, so that it never equals that secret's other uses. */
    static byte[] derivedKey(byte[] secret) {
        return mac(new SecretKeySpec(secret, "HmacSHA256"), "box-auth sign-in state v1".getBytes(StandardCharsets.UTF_8),
                32);
    }

    private boolean signed(byte[] state) {
        byte[] payload = Arrays.copyOf(state, PAYLOAD_BYTES);
        byte[] mac = Arrays.copyOfRange(state, PAYLOAD_BYTES, state.length);
        return keys.stream().anyMatch(key -> MessageDigest.isEqual(mac(key, payload), mac));
    }

    private static byte[] decode(String state) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(state);
            return bytes.length == PAYLOAD_BYTES + MAC_BYTES ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        return mac(key, data, MAC_BYTES);
    }

    private static byte[] mac(SecretKeySpec key, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(data), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
