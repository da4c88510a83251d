package dev.boxauth.internal.store;

import dev.boxauth.internal.config.StoreSettings.StoreKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts what goes into a shared store with AES-GCM, and binds it to its entry: the entry's name is the
 * associated data, so a value copied to another entry (another app, user or scope) does not open.
 *
 * <p>A sealed value is {@code version (1) | key id length (1) | key id | nonce (12) | ciphertext and tag};
 * the key id says which key opens it, so that keys can be rotated while older values are still read.
 */
final class TokenSeal {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final StoreKey current;
    private final Map<String, StoreKey> byId;
    private final SecureRandom random;

    /** @param keys the first seals, every one opens */
    TokenSeal(List<StoreKey> keys, SecureRandom random) {
        this.current = keys.get(0);
        this.byId = keys.stream().collect(Collectors.toUnmodifiableMap(StoreKey::id, Function.identity()));
        this.random = random;
    }

    byte[] seal(String entry, byte[] plaintext) {
        byte[] id = current.id().getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(entry, id));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + sealed.length)
                    .put(VERSION).put((byte) id.length).put(id).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * @return the plaintext, or {@code null} when the value is not one this seal made for {@code entry}: an
     *     unknown key id (a key retired too early, or another cluster's), another entry's value, or damage
     */
    byte[] open(String entry, byte[] sealed) {
        int idLength = sealed.length < 2 ? 0 : sealed[1] & 0xff;
        if (sealed.length < 2 || sealed[0] != VERSION || sealed.length < 2 + idLength + NONCE_BYTES + TAG_BITS / 8) {
            return null;
        }
        byte[] id = new byte[idLength];
        System.arraycopy(sealed, 2, id, 0, id.length);
        StoreKey key = byId.get(new String(id, StandardCharsets.US_ASCII));
        if (key == null) {
            return null;
        }
        int offset = 2 + id.length;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE_BYTES));
            cipher.updateAAD(associatedData(entry, id));
            return cipher.doFinal(sealed, offset + NONCE_BYTES, sealed.length - offset - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static byte[] associatedData(String entry, byte[] keyId) {
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + keyId.length + name.length).put(VERSION).put(keyId).put(name).array();
    }

    /** The key that seals; its id only. */
    String currentKeyId() {
        return current.id();
    }
}
