package dev.boxauth.internal.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptor;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

import dev.boxauth.internal.keys.KeyProblem.Kind;

/** Fixtures are made by src/test/resources/keys/make-keys.sh; all RSA-2048 ones are the same key. */
class PrivateKeysTest {

    /** The fixtures' throwaway passphrase; it protects nothing real. */
    private static final String PASSPHRASE = "box-auth-test-only";
    private static final String WRONG_PASSPHRASE = "not-the-box-auth-test-passphrase";

    private static final String[] ALL_FIXTURES = {
        "console-pbkdf2-sha1-des3.pem", "genrsa-des3-pbkdf2-sha256.pem", "pkcs8-aes256.pem", "pkcs1-des3.pem",
        "pkcs1-aes256.pem", "pkcs8-pbes1-sha1-des3.pem", "pkcs8-unencrypted.pem", "pkcs1-unencrypted.pem", "pkcs1-camellia256.pem", "pkcs8-scrypt.pem",
        "ec-p256.pem", "ec-p256-ecparam.pem", "rsa-1024.pem", "public.pem",
    };

    // --- the four forms, each read to the key whose public half openssl wrote to public.pem ---

    @Test
    void read_pkcs8EncryptedWithPbkdf2Sha1AndDes3_asTheDeveloperConsoleWrites() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("console-pbkdf2-sha1-des3.pem"), passphrase()));
    }

    @Test
    void read_pkcs8EncryptedWithPbkdf2Sha256AndDes3_asOpenssl3GenrsaDes3Writes() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("genrsa-des3-pbkdf2-sha256.pem"), passphrase()));
    }

    @Test
    void read_pkcs8EncryptedWithAes256_asOpensslPkcs8TopK8V2Writes() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs8-aes256.pem"), passphrase()));
    }

    @Test
    void read_pkcs1EncryptedWithDes3_asOpensslGenrsaTraditionalWrites() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs1-des3.pem"), passphrase()));
    }

    @Test
    void read_pkcs1EncryptedWithAes256_asOpensslRsaTraditionalAes256Writes() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs1-aes256.pem"), passphrase()));
    }

    @Test
    void read_pkcs8EncryptedWithPbes1Sha1AndDes3_asOpenssl10Pkcs8TopK8Writes() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs8-pbes1-sha1-des3.pem"), passphrase()));
    }

    @Test
    void read_pkcs8Unencrypted() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs8-unencrypted.pem"), null));
    }

    @Test
    void read_pkcs1Unencrypted() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs1-unencrypted.pem"), null));
    }

    @Test
    void read_unencryptedKey_acceptsAnEmptyPassphrase() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs1-unencrypted.pem"), new char[0]));
    }

    @Test
    void read_unencryptedKey_ignoresAPassphraseLeftInTheConfiguration() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs8-unencrypted.pem"), passphrase()));
    }

    @Test
    void publicKeyOf_isThePublicKeyOpensslDerived() throws Exception {
        RSAPublicKey derived = PrivateKeys.publicKeyOf(PrivateKeys.read(fixture("pkcs8-unencrypted.pem"), null));

        RSAPublicKey openssl = opensslPublicKey();
        assertThat(derived.getModulus()).isEqualTo(openssl.getModulus());
        assertThat(derived.getPublicExponent()).isEqualTo(openssl.getPublicExponent());
    }

    // --- how the text arrives ---

    @Test
    void read_consoleConfigJson_privateKeyAndPassphraseAsJsonDecodesThem() throws Exception {
        Map<String, Object> appAuth = appAuth(JsonUtil.parseJson(fixture("console-config.json")));

        assertIsTheFixtureKey(PrivateKeys.read((String) appAuth.get("privateKey"),
                ((String) appAuth.get("passphrase")).toCharArray()));
    }

    @Test
    void read_consoleConfigJson_privateKeyCopiedWithItsBackslashNEscapes_asPastedIntoAnEnvironmentVariable()
            throws Exception {
        Matcher raw = Pattern.compile("\"privateKey\": \"([^\"]*)\"").matcher(fixture("console-config.json"));
        assertThat(raw.find()).isTrue();
        assertThat(raw.group(1)).contains("\\n").doesNotContain("\n");

        assertIsTheFixtureKey(PrivateKeys.read(raw.group(1), passphrase()));
    }

    @Test
    void read_newlinesAsBackslashN_inEveryForm() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs1-des3.pem").replace("\n", "\\n"), passphrase()));
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs8-aes256.pem").replace("\n", "\\n"), passphrase()));
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs1-unencrypted.pem").replace("\n", "\\n"), null));
    }

    @Test
    void read_windowsLineEndingsEscapedAsBackslashRBackslashN() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs1-des3.pem").replace("\n", "\\r\\n"), passphrase()));
    }

    @Test
    void read_windowsLineEndings() throws Exception {
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs1-des3.pem").replace("\n", "\r\n"), passphrase()));
        assertIsTheFixtureKey(PrivateKeys.read(fixture("pkcs8-unencrypted.pem").replace("\n", "\r\n"), null));
    }

    @Test
    void read_whitespaceAndTextAroundThePemBlock() throws Exception {
        String pem = "\n\t  Box key for production, rotated in March:\n\n"
                + fixture("console-pbkdf2-sha1-des3.pem") + "\n(end of key)   \n\n";

        assertIsTheFixtureKey(PrivateKeys.read(pem, passphrase()));
    }

    @Test
    void read_everyLineIndented_asInAYamlBlockScalar() throws Exception {
        String pem = fixture("pkcs1-des3.pem").lines().map(line -> "    " + line).collect(Collectors.joining("\n"));

        assertIsTheFixtureKey(PrivateKeys.read(pem, passphrase()));
    }

    // --- every KeyProblem kind ---

    @Test
    void read_textWithoutAPemBlock_isNotPem() {
        assertThat(problem("", null).kind()).isEqualTo(Kind.NOT_PEM);
        assertThat(problem("not a key", null).kind()).isEqualTo(Kind.NOT_PEM);
    }

    @Test
    void read_publicKeyInsteadOfPrivateKey_isNotPem() throws Exception {
        assertThat(problem(fixture("public.pem"), null).kind()).isEqualTo(Kind.NOT_PEM);
    }

    @Test
    void read_truncatedKey_isNotPem() throws Exception {
        String pem = fixture("pkcs8-unencrypted.pem");
        String withoutEnd = pem.substring(0, pem.indexOf("-----END"));
        String cutInTheMiddle = pem.substring(0, pem.length() / 2) + "\n-----END PRIVATE KEY-----\n";

        assertThat(problem(withoutEnd, null).kind()).isEqualTo(Kind.NOT_PEM);
        assertThat(problem(cutInTheMiddle, null).kind()).isEqualTo(Kind.NOT_PEM);
    }

    @Test
    void read_encryptedKeyWithoutPassphrase_isPassphraseRequired() throws Exception {
        assertThat(problem(fixture("console-pbkdf2-sha1-des3.pem"), null).kind()).isEqualTo(Kind.PASSPHRASE_REQUIRED);
        assertThat(problem(fixture("pkcs8-aes256.pem"), new char[0]).kind()).isEqualTo(Kind.PASSPHRASE_REQUIRED);
        assertThat(problem(fixture("pkcs1-des3.pem"), null).kind()).isEqualTo(Kind.PASSPHRASE_REQUIRED);
    }

    @Test
    void read_wrongPassphrase_isWrongPassphrase_inEveryEncryptedForm() throws Exception {
        for (String name : new String[] {"console-pbkdf2-sha1-des3.pem", "genrsa-des3-pbkdf2-sha256.pem",
                "pkcs8-aes256.pem", "pkcs1-des3.pem", "pkcs1-aes256.pem", "pkcs8-pbes1-sha1-des3.pem"}) {
            assertThat(problem(fixture(name), WRONG_PASSPHRASE.toCharArray()).kind()).as(name)
                    .isEqualTo(Kind.WRONG_PASSPHRASE);
        }
    }

    /** About one wrong passphrase in 256 decrypts with valid padding; what comes out is random bytes. */
    @Test
    void read_pkcs8ThatDecryptsWithValidPaddingToGarbage_isWrongPassphrase() throws Exception {
        assertThat(problem(pkcs8EncryptedGarbage(), passphrase()).kind()).isEqualTo(Kind.WRONG_PASSPHRASE);
    }

    @Test
    void read_pkcs1ThatDecryptsWithValidPaddingToGarbage_isWrongPassphrase() throws Exception {
        assertThat(problem(traditionalEncryptedGarbage(), passphrase()).kind()).isEqualTo(Kind.WRONG_PASSPHRASE);
    }

    @Test
    void read_ecKey_isNotRsa() throws Exception {
        assertThat(problem(fixture("ec-p256.pem"), null).kind()).isEqualTo(Kind.NOT_RSA);
    }

    @Test
    void read_ecKeyAfterItsEcParametersBlock_asOpensslEcparamGenkeyWrites_isNotRsa() throws Exception {
        assertThat(problem(fixture("ec-p256-ecparam.pem"), null).kind()).isEqualTo(Kind.NOT_RSA);
    }

    @Test
    void read_rsa1024_isTooShort_withItsSize() throws Exception {
        KeyProblem problem = problem(fixture("rsa-1024.pem"), null);

        assertThat(problem.kind()).isEqualTo(Kind.TOO_SHORT);
        assertThat(problem.bits()).isEqualTo(1024);
        assertThat(problem.getMessage()).contains("1024");
    }

    @Test
    void bits_isZero_forEveryKindButTooShort() throws Exception {
        assertThat(problem(fixture("ec-p256.pem"), null).bits()).isZero();
        assertThat(problem(fixture("pkcs1-des3.pem"), WRONG_PASSPHRASE.toCharArray()).bits()).isZero();
    }

    @Test
    void read_pkcs1EncryptedWithCamellia_isUnsupportedEncryption() throws Exception {
        assertThat(problem(fixture("pkcs1-camellia256.pem"), passphrase()).kind())
                .isEqualTo(Kind.UNSUPPORTED_ENCRYPTION);
    }

    @Test
    void read_pkcs8EncryptedWithScrypt_isUnsupportedEncryption() throws Exception {
        assertThat(problem(fixture("pkcs8-scrypt.pem"), passphrase()).kind()).isEqualTo(Kind.UNSUPPORTED_ENCRYPTION);
    }

    // --- what a problem must never show, and what reading must never change ---

    @Test
    void problems_neverShowThePassphraseThePemBodyOrAProviderCause() throws Exception {
        record Case(String pem, String passphrase) {
        }
        List<Case> cases = List.of(
                new Case(fixture("public.pem"), PASSPHRASE),
                new Case(fixture("console-pbkdf2-sha1-des3.pem"), null),
                new Case(fixture("console-pbkdf2-sha1-des3.pem"), WRONG_PASSPHRASE),
                new Case(fixture("pkcs1-des3.pem"), WRONG_PASSPHRASE),
                new Case(fixture("pkcs1-des3.pem").replace("\n", "\\n"), WRONG_PASSPHRASE),
                new Case(pkcs8EncryptedGarbage(), PASSPHRASE),
                new Case(traditionalEncryptedGarbage(), PASSPHRASE),
                new Case(fixture("ec-p256.pem"), PASSPHRASE),
                new Case(fixture("rsa-1024.pem"), PASSPHRASE),
                new Case(fixture("pkcs1-camellia256.pem"), PASSPHRASE),
                new Case(fixture("pkcs8-scrypt.pem"), PASSPHRASE));

        List<Kind> seen = new ArrayList<>();
        for (Case c : cases) {
            KeyProblem problem = problem(c.pem(), c.passphrase() == null ? null : c.passphrase().toCharArray());
            seen.add(problem.kind());
            for (String shown : List.of(problem.getMessage(), problem.toString())) {
                assertThat(shown).as(problem.kind().name()).doesNotContain(PASSPHRASE, WRONG_PASSPHRASE);
                for (String line : bodyLines(c.pem())) {
                    assertThat(shown).as(problem.kind().name()).doesNotContain(line);
                }
            }
            assertThat(problem.getCause()).as(problem.kind().name()).isNull();
            assertThat(problem.getSuppressed()).as(problem.kind().name()).isEmpty();
        }
        assertThat(seen).containsAll(List.of(Kind.values()));
    }

    @Test
    void read_leavesTheCallersPassphraseAsItWas() throws Exception {
        char[] passphrase = passphrase();

        PrivateKeys.read(fixture("pkcs8-aes256.pem"), passphrase);

        assertThat(new String(passphrase)).isEqualTo(PASSPHRASE);
    }

    @Test
    void read_everyForm_leavesTheJvmsSecurityProvidersAsTheyWere() throws Exception {
        List<String> before = Arrays.stream(Security.getProviders()).map(Provider::getName).toList();

        for (String name : ALL_FIXTURES) {
            try {
                PrivateKeys.read(fixture(name), passphrase());
            } catch (KeyProblem expectedForSomeFixtures) {
                assertThat(expectedForSomeFixtures.kind()).isNotNull();
            }
        }

        assertThat(Arrays.stream(Security.getProviders()).map(Provider::getName).toList()).isEqualTo(before);
    }

    // --- helpers ---

    private static void assertIsTheFixtureKey(RSAPrivateCrtKey key) throws Exception {
        RSAPublicKey openssl = opensslPublicKey();
        assertThat(key.getModulus()).isEqualTo(openssl.getModulus());
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);

        byte[] data = "box-auth signs JWT assertions with this key".getBytes(UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(data);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(openssl);
        verifier.update(data);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    private static RSAPublicKey opensslPublicKey() throws IOException, GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(String.join("", bodyLines(fixture("public.pem"))));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    /** The Base64 and header lines between BEGIN and END: the text a problem must never repeat. */
    private static List<String> bodyLines(String pem) {
        return pem.replace("\\n", "\n").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("-----")).toList();
    }

    private static KeyProblem problem(String pem, char[] passphrase) {
        return assertThatExceptionOfType(KeyProblem.class).as("a KeyProblem")
                .isThrownBy(() -> PrivateKeys.read(pem, passphrase)).actual();
    }

    private static char[] passphrase() {
        return PASSPHRASE.toCharArray();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PrivateKeysTest.class.getResourceAsStream("/keys/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> appAuth(Map<String, Object> config) {
        return (Map<String, Object>) ((Map<String, Object>) config.get("boxAppSettings")).get("appAuth");
    }

    /** Random bytes, as a wrong passphrase with lucky padding yields them; a fixed seed keeps the test stable. */
    private static byte[] garbage() {
        byte[] bytes = new byte[1200];
        new Random(20250101).nextBytes(bytes);
        return bytes;
    }

    /** PKCS#8 PBES2 (3DES) around garbage: decrypting with the passphrase succeeds, parsing fails. */
    private static String pkcs8EncryptedGarbage() throws Exception {
        OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.DES3_CBC)
                .setProvider(new BouncyCastleProvider()).setPassword(passphrase()).build();
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (OutputStream out = encryptor.getOutputStream(encrypted)) {
            out.write(garbage());
        }
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(encryptor.getAlgorithmIdentifier(),
                encrypted.toByteArray());
        return pem(new PemObject("ENCRYPTED PRIVATE KEY", info.getEncoded()));
    }

    /** A traditional DES-EDE3-CBC block around garbage: decrypting succeeds, parsing fails. */
    private static String traditionalEncryptedGarbage() throws Exception {
        PEMEncryptor encryptor = new JcePEMEncryptorBuilder("DES-EDE3-CBC").setProvider(new BouncyCastleProvider())
                .build(passphrase());
        byte[] encrypted = encryptor.encrypt(garbage());
        String iv = org.bouncycastle.util.encoders.Hex.toHexString(encryptor.getIV()).toUpperCase();
        return pem(new PemObject("RSA PRIVATE KEY",
                List.of(new PemHeader("Proc-Type", "4,ENCRYPTED"), new PemHeader("DEK-Info", "DES-EDE3-CBC," + iv)),
                encrypted));
    }

    private static String pem(PemObject object) throws IOException {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
