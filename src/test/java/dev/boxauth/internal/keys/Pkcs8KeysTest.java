package dev.boxauth.internal.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The PKCS#8 forms, read with the JDK alone; {@link PrivateKeysTest} checks what every form yields. */
class Pkcs8KeysTest {

    private static final char[] PASSPHRASE = "box-auth-test-only".toCharArray();

    @Test
    void read_everyEncryptedFixtureAndTheUnencryptedOne() throws Exception {
        RSAPrivateCrtKey expected = read("pkcs8-unencrypted.pem", null);
        assertThat(expected).isNotNull();
        for (String name : new String[] {"console-pbkdf2-sha1-des3.pem", "genrsa-des3-pbkdf2-sha256.pem",
                "pkcs8-aes256.pem", "pkcs8-pbes1-sha1-des3.pem"}) {
            assertThat(read(name, PASSPHRASE)).as(name).isNotNull()
                    .extracting(RSAPrivateCrtKey::getModulus).isEqualTo(expected.getModulus());
        }
    }

    @Test
    void read_scrypt_isUnsupportedEncryption() {
        assertThatExceptionOfType(KeyProblem.class).isThrownBy(() -> read("pkcs8-scrypt.pem", PASSPHRASE))
                .extracting(KeyProblem::kind).isEqualTo(KeyProblem.Kind.UNSUPPORTED_ENCRYPTION);
    }

    @Test
    void read_bytesThatAreNotDer_isNotPem() {
        byte[] notDer = Base64.getDecoder().decode("AAAA");
        byte[] emptySequence = Base64.getDecoder().decode("MAA=");

        assertThatExceptionOfType(KeyProblem.class).isThrownBy(() -> Pkcs8Keys.read("PRIVATE KEY", notDer, null))
                .extracting(KeyProblem::kind).isEqualTo(KeyProblem.Kind.NOT_PEM);
        assertThatExceptionOfType(KeyProblem.class)
                .isThrownBy(() -> Pkcs8Keys.read("ENCRYPTED PRIVATE KEY", emptySequence, PASSPHRASE))
                .extracting(KeyProblem::kind).isEqualTo(KeyProblem.Kind.NOT_PEM);
    }

    private static RSAPrivateCrtKey read(String fixture, char[] passphrase) throws Exception {
        String pem = fixture(fixture);
        String label = pem.contains("ENCRYPTED") ? "ENCRYPTED PRIVATE KEY" : "PRIVATE KEY";
        String base64 = pem.lines().filter(line -> !line.startsWith("-----")).collect(Collectors.joining());
        return Pkcs8Keys.read(label, Base64.getDecoder().decode(base64), passphrase);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = Pkcs8KeysTest.class.getResourceAsStream("/keys/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
