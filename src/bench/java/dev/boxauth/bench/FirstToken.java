package dev.boxauth.bench;

import com.box.sdk.BoxConfig;
import com.box.sdk.BoxDeveloperEditionAPIConnection;
import com.box.sdk.DeveloperEditionEntityType;
import com.box.sdkgen.box.jwtauth.BoxJWTAuth;
import com.box.sdkgen.box.jwtauth.JWTConfig;
import com.box.sdkgen.networking.baseurls.BaseUrls;
import com.box.sdkgen.networking.network.NetworkSession;
import dev.boxauth.BoxAuth;
import dev.boxauth.BoxTokenProvider;
import java.io.FileReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The program {@link ColdStart} runs in a fresh JVM: from the first line of {@code main}, one client (or one
 * piece of start-up work alone) reads the app's Developer Console file, whose private key is PKCS#8
 * encrypted with AES, and gets its first token from the emulator over TLS. The JVM's default trust store is
 * the JDK's {@code cacerts} plus the emulator's certificate ({@code javax.net.ssl.trustStore}), so each
 * client pays for the trust store it would pay for in production. Prints {@code phase=nanos} lines at the end,
 * so that no program's measured time includes formatting and printing figures (the baseline has one phase).
 *
 * <p>Usage: {@code FirstToken <client> <config file> <base URL>}, client one of {@code box-auth},
 * {@code sdk-legacy}, {@code sdk-gen}, {@code jdk} (the baseline: the JDK alone, no library), {@code jdk-socket}
 * (the JDK alone on one TLS socket, no HTTP client), or a piece:
 * {@code piece-privatekeys} (box-auth's key reader), {@code piece-jdk-pbes2}, {@code piece-securerandom}, {@code piece-sslcontext},
 * {@code piece-httpclient}, {@code piece-nothing}.
 */
// The classic com.box.sdk API is deprecated in favour of com.box.sdkgen; it is still what many users run.
@SuppressWarnings("deprecation")
public final class FirstToken {

    private FirstToken() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        // When each phase ended, in nanoseconds from t0; only some programs have a build phase.
        long build = -1;
        long total;
        String client = args[0];
        Path config = Path.of(args[1]);
        String base = args[2];
        switch (client) {
            case "box-auth" -> {
                BoxTokenProvider provider = BoxAuth.builder().configFile(config).tokenUrl(base + "/oauth2/token")
                        .build();
                build = System.nanoTime() - t0;
                provider.accessToken();
                total = System.nanoTime() - t0;
                provider.close();
            }
            case "sdk-legacy" -> {
                BoxConfig boxConfig;
                try (Reader reader = new FileReader(config.toFile())) {
                    boxConfig = BoxConfig.readFrom(reader);
                }
                BoxDeveloperEditionAPIConnection api = new BoxDeveloperEditionAPIConnection(
                        boxConfig.getEnterpriseId(), DeveloperEditionEntityType.ENTERPRISE, boxConfig, null);
                api.setBaseURL(base + "/");
                build = System.nanoTime() - t0;
                api.authenticate();
                api.getAccessToken();
                total = System.nanoTime() - t0;
            }
            case "sdk-gen" -> {
                BoxJWTAuth auth = new BoxJWTAuth(JWTConfig.fromConfigFile(config.toString()));
                NetworkSession session = new NetworkSession.Builder().baseUrls(new BaseUrls.Builder().baseUrl(base)
                        .uploadUrl(base + "/api").oauth2Url(base + "/api/oauth2").build()).build();
                build = System.nanoTime() - t0;
                auth.retrieveToken(session).getAccessToken();
                total = System.nanoTime() - t0;
            }
            case "jdk" -> {
                jdkFirstToken(config, base);
                total = System.nanoTime() - t0;
            }
            case "jdk-socket" -> {
                jdkSocketFirstToken(config, base);
                total = System.nanoTime() - t0;
            }
            case "piece-privatekeys" -> {
                dev.boxauth.internal.keys.PrivateKeys.read(privateKeyPem(config), Fixture.PASSPHRASE.toCharArray());
                total = System.nanoTime() - t0;
            }
            case "piece-jdk-pbes2" -> {
                JdkKeys.decrypt(privateKeyPem(config), Fixture.PASSPHRASE.toCharArray());
                total = System.nanoTime() - t0;
            }
            case "piece-securerandom" -> {
                new SecureRandom().nextBytes(new byte[32]);
                total = System.nanoTime() - t0;
            }
            case "piece-sslcontext" -> {
                SSLContext.getDefault().createSSLEngine();
                total = System.nanoTime() - t0;
            }
            case "piece-httpclient" -> {
                HttpClient.newBuilder().build();
                total = System.nanoTime() - t0;
            }
            case "piece-nothing" -> total = System.nanoTime() - t0;
            default -> throw new IllegalArgumentException(client);
        }
        System.out.println((build < 0 ? "" : "build=" + build + "\n") + "total=" + total);
        // The emulator is in the harness's JVM; nothing else to wait for, and no client's threads to drain.
        System.exit(0);
    }

    private static String privateKeyPem(Path config) throws Exception {
        Matcher m = Pattern.compile("\"privateKey\":\"([^\"]+)\"").matcher(Files.readString(config));
        if (!m.find()) {
            throw new IllegalStateException("no privateKey in " + config);
        }
        return m.group(1).replace("\\n", "\n");
    }

    /** The least a cold JVM can do: decrypt with the JDK, sign with the JDK, POST with the JDK's client. */
    private static void jdkFirstToken(Path config, String base) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(signedForm(config))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
    }

    /**
     * The floor the JDK's TLS and crypto set: the same form, POSTed on one TLS socket with HTTP/1.1 written
     * by hand, no HTTP client at all.
     */
    private static void jdkSocketFirstToken(Path config, String base) throws Exception {
        URI uri = URI.create(base + "/oauth2/token");
        byte[] form = signedForm(config).getBytes(StandardCharsets.US_ASCII);
        try (SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket(uri.getHost(),
                uri.getPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(form);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    throw new IllegalStateException("no answer: " + head);
                }
                head.append((char) b);
            }
            if (!head.toString().startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException(head.toString());
            }
            Matcher length = Pattern.compile("(?i)content-length: *([0-9]+)").matcher(head);
            if (!length.find() || in.readNBytes(Integer.parseInt(length.group(1))).length == 0) {
                throw new IllegalStateException("no token: " + head);
            }
        }
    }

    /** The token request's form: an RS256 assertion signed with the JDK alone. */
    private static String signedForm(Path config) throws Exception {
        PrivateKey key = JdkKeys.decrypt(privateKeyPem(config), Fixture.PASSPHRASE.toCharArray());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] jti = new byte[32];
        new SecureRandom().nextBytes(jti);
        String signingInput = b64.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + Fixture.KEY_ID
                + "\",\"typ\":\"JWT\"}").getBytes()) + "." + b64.encodeToString(("{\"iss\":\"" + Fixture.CLIENT_ID
                + "\",\"sub\":\"" + Fixture.ENTERPRISE_ID + "\",\"box_sub_type\":\"enterprise\",\"aud\":"
                + "\"https://api.box.com/oauth2/token\",\"jti\":\"" + b64.encodeToString(jti) + "\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 30) + "}").getBytes());
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes());
        return "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + signingInput + "."
                + b64.encodeToString(rs256.sign()) + "&client_id=" + Fixture.CLIENT_ID + "&client_secret="
                + Fixture.CLIENT_SECRET;
    }
}
