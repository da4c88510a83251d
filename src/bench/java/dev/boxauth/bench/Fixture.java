package dev.boxauth.bench;

import com.box.sdk.BoxAPIConnection;
import com.box.sdk.BoxConfig;
import com.box.sdk.BoxDeveloperEditionAPIConnection;
import com.box.sdk.DeveloperEditionEntityType;
import com.box.sdkgen.box.jwtauth.BoxJWTAuth;
import com.box.sdkgen.box.jwtauth.JWTConfig;
import com.box.sdkgen.client.BoxClient;
import com.box.sdkgen.networking.network.NetworkSession;
import dev.boxauth.BoxAuth;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.SdkgenSessions;
import dev.boxauth.emulator.JwtApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.cache.Cache;

/**
 * One JWT app of an HTTPS emulator, and the three clients under test pointed at it: box-auth, and Box's Java
 * SDK through its classic {@code com.box.sdk} API and its generated {@code com.box.sdkgen} API. Every client
 * reads the same Developer Console JSON, whose key is the fixture {@code keys/pkcs8-aes256.pem} (PKCS#8,
 * PBES2 with AES-256), and trusts only the emulator's certificate, each through its own TLS setting.
 */
// The classic com.box.sdk API is deprecated in favour of com.box.sdkgen; it is still what many users run.
@SuppressWarnings("deprecation")
final class Fixture implements AutoCloseable {

    static final String PASSPHRASE = "box-auth-test-only";
    static final String CLIENT_ID = "benchclient00000000000000000001";
    static final String CLIENT_SECRET = "bench-secret-1";
    static final String ENTERPRISE_ID = "777000111";
    static final String KEY_ID = "benchkey";

    final BoxEmulator box;
    final JwtApp app;
    final String configJson;

    Fixture() {
        box = BoxEmulator.startHttps();
        app = box.registerJwtApp(CLIENT_ID, CLIENT_SECRET, ENTERPRISE_ID, KEY_ID, publicKey());
        configJson = configJson();
    }

    /** The app's Developer Console JSON with the fixture's AES-encrypted PKCS#8 key, as every client reads it. */
    static String configJson() {
        String pem = resource("keys/pkcs8-aes256.pem");
        return "{\"boxAppSettings\":{\"clientID\":\"" + CLIENT_ID + "\",\"clientSecret\":\"" + CLIENT_SECRET
                + "\",\"appAuth\":{\"publicKeyID\":\"" + KEY_ID + "\",\"privateKey\":\""
                + pem.strip().replace("\n", "\\n") + "\\n\",\"passphrase\":\"" + PASSPHRASE + "\"}},"
                + "\"enterpriseID\":\"" + ENTERPRISE_ID + "\"}";
    }

    /** box-auth, as a plain-Java application builds it. */
    BoxTokenProvider boxAuth() {
        return BoxAuth.builder().config(configJson).tokenUrl(box.tokenUrl()).apiUrl(box.apiUrl())
                .sslContext(BoxEmulator.clientSslContext()).build();
    }

    /** box-auth's provider sharing its tokens through {@code cache} ({@code box.auth.store=jcache}). */
    BoxTokenProvider boxAuthSharing(Cache<?, ?> cache) {
        return BoxAuth.builder().config(configJson).tokenUrl(box.tokenUrl()).apiUrl(box.apiUrl())
                .sslContext(BoxEmulator.clientSslContext()).property("box.auth.store", "jcache")
                .property("box.auth.store.keys", "k1:" + Base64.getEncoder().encodeToString(new byte[32]))
                .tokenCache(cache).build();
    }

    /** The classic API's JWT connection for the Service Account, authenticated once. */
    BoxDeveloperEditionAPIConnection legacy() {
        BoxDeveloperEditionAPIConnection api = new BoxDeveloperEditionAPIConnection(ENTERPRISE_ID,
                DeveloperEditionEntityType.ENTERPRISE, BoxConfig.readFrom(configJson), null);
        atEmulator(api);
        api.authenticate();
        return api;
    }

    /**
     * Points a connection at the emulator: {@code setBaseURL} moves the API, token and revoke URLs, and
     * {@code configureSslCertificatesValidation} gives its OkHttp clients a trust manager.
     */
    void atEmulator(BoxAPIConnection api) {
        api.setBaseURL(box.baseUrl() + "/");
        api.setBaseAuthorizationURL(box.baseUrl() + "/api/");
        api.configureSslCertificatesValidation(BoxEmulator.clientTrustManager(), null);
    }

    /** The generated API's JWT auth for the Service Account. */
    BoxJWTAuth sdkgenAuth() {
        return new BoxJWTAuth(JWTConfig.fromConfigJsonString(configJson));
    }

    /** A network session whose base URLs are the emulator's and whose OkHttp client trusts its certificate. */
    NetworkSession sdkgenSession() {
        return SdkgenSessions.toEmulator(box);
    }

    BoxClient sdkgenClient(BoxJWTAuth auth, NetworkSession session) {
        return new BoxClient.Builder(auth).networkSession(session).build();
    }

    static String resource(String name) {
        try (InputStream in = Fixture.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name + " on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture keys' public half, {@code keys/public.pem}. */
    static RSAPublicKey publicKey() {
        String base64 = resource("keys/public.pem").replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        box.close();
    }
}
