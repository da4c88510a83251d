package dev.boxauth.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.internal.config.StoreSettings.StoreKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenSealTest {

    private static final byte[] TOKEN = "1764504000000\nT0KEN-value-never-in-clear".getBytes(StandardCharsets.UTF_8);
    private static final String ENTRY = "box-auth:1:app-a";

    private final SecureRandom random = new SecureRandom();
    private final StoreKey k1 = key("k1", 1);
    private final StoreKey k2 = key("k2", 2);

    @Test
    void open_returnsWhatWasSealed_andTheSealedBytesHoldNoneOfIt() {
        TokenSeal seal = new TokenSeal(List.of(k1), random);

        byte[] sealed = seal.seal(ENTRY, TOKEN);

        assertThat(seal.open(ENTRY, sealed)).isEqualTo(TOKEN);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("T0KEN").doesNotContain("1764504");
    }

    @Test
    void open_refusesAValueMovedToAnotherEntry() {
        TokenSeal seal = new TokenSeal(List.of(k1), random);

        assertThat(seal.open("box-auth:1:app-b", seal.seal(ENTRY, TOKEN))).isNull();
    }

    @Test
    void open_refusesATamperedValue() {
        TokenSeal seal = new TokenSeal(List.of(k1), random);
        byte[] sealed = seal.seal(ENTRY, TOKEN);
        sealed[sealed.length - 20] ^= 1;

        assertThat(seal.open(ENTRY, sealed)).isNull();
        assertThat(seal.open(ENTRY, new byte[] {1, 2, 'k', '1'})).isNull();
        assertThat(seal.open(ENTRY, new byte[0])).isNull();
        assertThat(seal.open(ENTRY, new byte[] {1, (byte) 0xff, 0, 0})).isNull();
    }

    @Test
    void aRotatedKey_sealsWithTheNewKey_andStillOpensWhatTheOldOneSealed() {
        byte[] old = new TokenSeal(List.of(k1), random).seal(ENTRY, TOKEN);
        TokenSeal rotated = new TokenSeal(List.of(k2, k1), random);

        assertThat(rotated.open(ENTRY, old)).isEqualTo(TOKEN);
        byte[] fresh = rotated.seal(ENTRY, TOKEN);
        assertThat(new TokenSeal(List.of(k2), random).open(ENTRY, fresh)).isEqualTo(TOKEN);
        assertThat(new TokenSeal(List.of(k1), random).open(ENTRY, fresh)).as("k1 alone cannot open k2's").isNull();
    }

    @Test
    void aKeyOfTheSameIdButOtherBytes_opensNothing() {
        byte[] sealed = new TokenSeal(List.of(k1), random).seal(ENTRY, TOKEN);

        assertThat(new TokenSeal(List.of(key("k1", 9)), random).open(ENTRY, sealed)).isNull();
    }

    private static StoreKey key(String id, int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return new StoreKey(id, new SecretKeySpec(bytes, "AES"));
    }
}
