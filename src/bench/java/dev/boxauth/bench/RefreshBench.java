package dev.boxauth.bench;

import com.box.sdk.BoxDeveloperEditionAPIConnection;
import com.box.sdkgen.box.jwtauth.BoxJWTAuth;
import com.box.sdkgen.networking.network.NetworkSession;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.emulator.BoxEmulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One refresh: sign an RS256 assertion, POST it to the emulator over loopback TLS on a kept-alive
 * connection, parse the answer. The baseline does the same with nothing but the JDK: a {@link Signature}
 * over the same header and claims, one {@link HttpClient} POST of the same form, and the token cut out of
 * the answer. Every client is warmed by the same number of refreshes in its trial set-up (on two cores they
 * all keep speeding up for about a thousand), before JMH's own warm-up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
// The classic com.box.sdk API is deprecated in favour of com.box.sdkgen; it is still what many users run.
@SuppressWarnings("deprecation")
public class RefreshBench {

    /** Refreshes before JMH's warm-up, the same for every client. */
    @Param("1000")
    public int warmRefreshes;

    private Fixture fixture;
    private BoxTokenProvider boxAuth;
    private BoxDeveloperEditionAPIConnection legacy;
    private BoxJWTAuth sdkgen;
    private NetworkSession session;
    private JdkRefresh jdk;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = new Fixture();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (boxAuth != null) {
            boxAuth.close();
        }
        fixture.close();
    }

    /** The client each benchmark uses, made and warmed on its first call (JMH runs one benchmark per fork). */
    private void warm(Runnable refresh) {
        for (int i = 0; i < warmRefreshes; i++) {
            refresh.run();
        }
    }

    @Benchmark
    public String baseline() throws Exception {
        if (jdk == null) {
            jdk = new JdkRefresh(fixture);
            warm(() -> jdk.refresh());
        }
        return jdk.refresh();
    }

    @Benchmark
    public String boxAuth() {
        if (boxAuth == null) {
            boxAuth = fixture.boxAuth();
            warm(this::refreshBoxAuth);
        }
        return refreshBoxAuth();
    }

    private String refreshBoxAuth() {
        boxAuth.invalidate(boxAuth.accessToken());
        return boxAuth.accessToken();
    }

    @Benchmark
    public String sdkLegacy() {
        if (legacy == null) {
            legacy = fixture.legacy();
            warm(legacy::refresh);
        }
        legacy.refresh();
        return legacy.getAccessToken();
    }

    @Benchmark
    public String sdkGen() {
        if (sdkgen == null) {
            sdkgen = fixture.sdkgenAuth();
            session = fixture.sdkgenSession();
            warm(() -> sdkgen.refreshToken(session));
        }
        return sdkgen.refreshToken(session).getAccessToken();
    }

    /** The least a JWT refresh can be with the JDK alone. */
    static final class JdkRefresh {

        private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

        private final HttpClient http = HttpClient.newBuilder().sslContext(BoxEmulator.clientSslContext()).build();
        private final SecureRandom random = new SecureRandom();
        private final PrivateKey key;
        private final URI tokenUrl;
        private final String header;

        JdkRefresh(Fixture fixture) throws Exception {
            key = JdkKeys.decrypt(Fixture.resource("keys/pkcs8-aes256.pem"), Fixture.PASSPHRASE.toCharArray());
            tokenUrl = URI.create(fixture.box.tokenUrl());
            header = B64.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + Fixture.KEY_ID + "\",\"typ\":\"JWT\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }

        String refresh() {
            try {
                byte[] jti = new byte[32];
                random.nextBytes(jti);
                String claims = "{\"iss\":\"" + Fixture.CLIENT_ID + "\",\"sub\":\"" + Fixture.ENTERPRISE_ID
                        + "\",\"box_sub_type\":\"enterprise\",\"aud\":\"https://api.box.com/oauth2/token\",\"jti\":\""
                        + B64.encodeToString(jti) + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 30) + "}";
                String signingInput = header + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initSign(key);
                rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                String assertion = signingInput + "." + B64.encodeToString(rs256.sign());
                String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer",
                        StandardCharsets.UTF_8) + "&assertion=" + assertion + "&client_id=" + Fixture.CLIENT_ID
                        + "&client_secret=" + Fixture.CLIENT_SECRET;
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUrl)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                String body = response.body();
                int start = body.indexOf("\"access_token\":\"") + 16;
                if (response.statusCode() != 200 || start < 16) {
                    throw new IllegalStateException("the emulator refused the baseline's request: "
                            + response.statusCode());
                }
                return body.substring(start, body.indexOf('"', start));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
