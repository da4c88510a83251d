package dev.boxauth.emulator;

import dev.boxauth.emulator.internal.ApiErrors;
import dev.boxauth.emulator.internal.ApiHandler;
import dev.boxauth.emulator.internal.AppRegistration;
import dev.boxauth.emulator.internal.AuthorizationCodeGrantHandler;
import dev.boxauth.emulator.internal.AuthorizationCodes;
import dev.boxauth.emulator.internal.AuthorizeHandler;
import dev.boxauth.emulator.internal.ClientCredentialsGrantHandler;
import dev.boxauth.emulator.internal.Counters;
import dev.boxauth.emulator.internal.DeveloperConsoleConfig;
import dev.boxauth.emulator.internal.Directory;
import dev.boxauth.emulator.internal.EmulatorClock;
import dev.boxauth.emulator.internal.EmulatorRoutes;
import dev.boxauth.emulator.internal.FaultSchedule;
import dev.boxauth.emulator.internal.Faults;
import dev.boxauth.emulator.internal.HttpServer;
import dev.boxauth.emulator.internal.JtiLedger;
import dev.boxauth.emulator.internal.JwtBearerGrantHandler;
import dev.boxauth.emulator.internal.KeyMaterial;
import dev.boxauth.emulator.internal.RandomIds;
import dev.boxauth.emulator.internal.RefreshTokenGrantHandler;
import dev.boxauth.emulator.internal.RefreshTokens;
import dev.boxauth.emulator.internal.RevokeHandler;
import dev.boxauth.emulator.internal.TlsMaterial;
import dev.boxauth.emulator.internal.TokenExchangeGrantHandler;
import dev.boxauth.emulator.internal.TokenHandler;
import dev.boxauth.emulator.internal.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * An offline stand-in for Box's authentication, listening on 127.0.0.1: the token endpoint
 * ({@code POST /oauth2/token}) with the JWT, Client Credentials, authorization code, refresh and token
 * exchange grants; revocation ({@code POST /oauth2/revoke}); the OAuth 2.0 authorize page
 * ({@code /api/oauth2/authorize}); and {@code GET /2.0/users/me} and {@code GET /2.0/users/{id}}, with
 * {@code As-User}. It enforces Box's rules and answers with Box's error codes and texts (OAuth 2.0 errors
 * from the token endpoint, client error JSON with request ids from the API), so clients, Box's own SDKs
 * among them, can be tested against it over real HTTP or HTTPS.
 *
 * <p>Knobs change its behaviour (token lifetime, clock offset, scripted failures of the token endpoint and
 * of the API, broken responses, latency, revocation); counters tell what it saw. All methods are
 * thread-safe. Every instance is independent: no state is shared between emulators.
 *
 * <pre>{@code
 * try (BoxEmulator box = BoxEmulator.start()) {
 *     JwtApp app = box.createJwtApp();
 *     // point the client at box.tokenUrl() and box.apiUrl(), with app.configJson()
 *     CcgApp ccg = box.createCcgApp();                            // client id and secret only
 *     OAuthApp web = box.createOAuthApp("http://localhost:8080/callback"); // box.authorizeUrl()
 * }
 * }</pre>
 */
public final class BoxEmulator implements AutoCloseable {

    /** Box's API root: a token exchange accepts a {@code resource} under it as well as under {@link #apiUrl()}. */
    private static final String BOX_API_URL = "https://api.box.com/2.0";

    private final EmulatorClock clock;
    private final RandomIds random = new RandomIds();
    private final Counters counters = new Counters();
    private final ApiErrors apiErrors = new ApiErrors(random);
    private final FaultSchedule tokenFaults = new FaultSchedule();
    private final FaultSchedule apiFaults = new FaultSchedule();
    private final Directory directory = new Directory(random);
    private final TokenIssuer issuer;
    private final RefreshTokens refreshTokens;
    private final EmulatorRoutes routes;
    private final HttpServer server;
    private final URI baseUrl;

    private BoxEmulator(ServerSocket socket, String scheme, Clock baseClock) {
        clock = new EmulatorClock(baseClock);
        issuer = new TokenIssuer(clock, random, counters);
        refreshTokens = new RefreshTokens(issuer, clock, random);
        baseUrl = URI.create(scheme + "://127.0.0.1:" + socket.getLocalPort());
        AuthorizationCodes codes = new AuthorizationCodes(clock, random);
        TokenHandler tokens = new TokenHandler(counters, tokenFaults, apiErrors);
        tokens.register(new JwtBearerGrantHandler(directory, issuer, clock, new JtiLedger()));
        tokens.register(new ClientCredentialsGrantHandler(directory, issuer));
        tokens.register(new AuthorizationCodeGrantHandler(directory, codes, refreshTokens));
        tokens.register(new RefreshTokenGrantHandler(directory, refreshTokens, counters));
        tokens.register(new TokenExchangeGrantHandler(issuer, counters, List.of(apiUrl(), BOX_API_URL)));
        routes = new EmulatorRoutes(tokens, new RevokeHandler(directory, refreshTokens, counters, apiErrors),
                new AuthorizeHandler(directory, codes, counters, random),
                new ApiHandler(issuer, directory, counters, apiFaults, apiErrors), apiErrors);
        server = new HttpServer(socket, routes, clock::now, counters.connectionsAccepted::incrementAndGet,
                HttpServer.DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * Starts an emulator serving plain HTTP on 127.0.0.1 on a free port.
     *
     * @throws UncheckedIOException if no port can be bound
     */
    public static BoxEmulator start() {
        return start(Clock.systemUTC());
    }

    /**
     * Starts an emulator serving plain HTTP on 127.0.0.1 on the given port, for a server whose
     * configuration must name the emulator's URL before the emulator starts.
     *
     * @param port the port, or 0 for a free one
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static BoxEmulator start(int port) {
        return start(port, Clock.systemUTC());
    }

    /** Starts a plain-HTTP emulator on {@code baseClock} (plus the offset), for tests of exact time boundaries. */
    static BoxEmulator start(Clock baseClock) {
        return start(0, baseClock);
    }

    private static BoxEmulator start(int port, Clock baseClock) {
        try {
            return new BoxEmulator(new ServerSocket(port, 50, loopback()), "http", baseClock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Box emulator to 127.0.0.1:" + port, e);
        }
    }

    /**
     * Starts an emulator serving HTTPS on 127.0.0.1 on a free port, with the bundled test certificate
     * (CN=localhost, SAN localhost, 127.0.0.1 and ::1). Clients must trust it:
     * see {@link #clientSslContext()}.
     *
     * @throws UncheckedIOException if no port can be bound
     */
    public static BoxEmulator startHttps() {
        try {
            ServerSocket socket = TlsMaterial.serverContext().getServerSocketFactory().createServerSocket(0, 50, loopback());
            return new BoxEmulator(socket, "https", Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Box emulator to 127.0.0.1", e);
        }
    }

    /**
     * A new {@link SSLContext} that trusts only the emulator's test certificate, for clients of
     * {@link #startHttps()}. It does not trust public certificate authorities, and it checks the
     * certificate: it is not a trust-all context.
     */
    public static SSLContext clientSslContext() {
        return TlsMaterial.clientContext();
    }

    /**
     * A new trust manager that trusts only the emulator's test certificate, the one inside
     * {@link #clientSslContext()}, for clients that take a trust manager rather than a context: OkHttp's
     * {@code sslSocketFactory(factory, trustManager)}, and so Box's Java SDK
     * ({@code BoxAPIConnection.configureSslCertificatesValidation}). Not a trust-all manager.
     */
    public static X509TrustManager clientTrustManager() {
        return TlsMaterial.clientTrustManager();
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    }

    /** Scheme, address and port, such as {@code http://127.0.0.1:54321}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The token endpoint: {@link #baseUrl()} + {@code /oauth2/token}. */
    public String tokenUrl() {
        return baseUrl + "/oauth2/token";
    }

    /** The API root: {@link #baseUrl()} + {@code /2.0}; clients call {@code apiUrl() + "/users/me"}. */
    public String apiUrl() {
        return baseUrl + "/2.0";
    }

    /** The revocation endpoint: {@link #baseUrl()} + {@code /oauth2/revoke}. */
    public String revokeUrl() {
        return baseUrl + "/oauth2/revoke";
    }

    /**
     * The OAuth 2.0 authorize page, which Box serves at {@code https://account.box.com/api/oauth2/authorize}:
     * {@link #baseUrl()} + {@code /api/oauth2/authorize}. See {@link OAuthApp} for the flow.
     */
    public String authorizeUrl() {
        return baseUrl + EmulatorRoutes.AUTHORIZE_PATH;
    }

    /**
     * Creates and registers a JWT app with a new RSA-2048 key pair, a random client id (32 lowercase
     * letters and digits), client secret, key id (8 characters), a numeric enterprise id and a Service
     * Account. It is authorized and may request user tokens. Generating the key takes about a tenth of
     * a second; tests that need many apps can share key fixtures through {@link #registerJwtApp}.
     */
    public JwtApp createJwtApp() {
        KeyPair keys = KeyMaterial.newRsaKeyPair();
        String clientId = random.clientId();
        String secret = random.secret();
        String keyId = random.keyId();
        String enterpriseId = directory.newEnterpriseId();
        AppRegistration registration = directory.register(clientId, secret, enterpriseId, keyId, keys.getPublic());
        String pem = KeyMaterial.pkcs8Pem(keys.getPrivate());
        return new JwtApp(registration, directory, pem,
                DeveloperConsoleConfig.json(clientId, secret, keyId, pem, enterpriseId));
    }

    /**
     * Registers a JWT app whose private key the caller holds (for tests with their own key fixtures,
     * such as encrypted or PKCS#1 keys). It is authorized, may request user tokens, and gets a Service
     * Account. {@link JwtApp#privateKeyPem()} and {@link JwtApp#configJson()} are {@code null}.
     *
     * @param enterpriseId the enterprise id, or {@code null} (or {@code "0"}) for an app that acts only
     *     as users: then enterprise tokens are refused with the {@code sub} error
     * @throws IllegalArgumentException if the client id is already registered, or the key is not an RSA
     *     key of at least 2048 bits
     * @throws NullPointerException if any argument but {@code enterpriseId} is {@code null}
     */
    public JwtApp registerJwtApp(String clientId, String clientSecret, String enterpriseId, String keyId,
            PublicKey publicKey) {
        return new JwtApp(directory.register(clientId, clientSecret, enterpriseId, keyId, publicKey), directory,
                null, null);
    }

    /**
     * Creates and registers a Client Credentials Grant app: a random client id (32 lowercase letters and
     * digits) and secret, a new numeric enterprise id and a Service Account. It is authorized, has "App +
     * Enterprise Access", may request user tokens, and may not use {@code As-User} until
     * {@link CcgApp#performActionsAsUsers} is set.
     */
    public CcgApp createCcgApp() {
        return new CcgApp(directory.registerCcg(), directory);
    }

    /**
     * Creates and registers an OAuth 2.0 app: a random client id and secret, the given redirect URIs, a
     * new enterprise, and one managed user of it who signs in on the authorize page (see
     * {@link OAuthApp#signInAs}).
     *
     * @param redirectUris the redirect URIs configured for the app, such as
     *     {@code http://localhost:8080/callback}; at least one, each absolute, without a fragment
     * @throws IllegalArgumentException if no redirect URI is given or one is not absolute or has a fragment
     */
    public OAuthApp createOAuthApp(String... redirectUris) {
        if (redirectUris.length == 0) {
            throw new IllegalArgumentException("An OAuth 2.0 app needs at least one redirect URI");
        }
        for (String uri : redirectUris) {
            URI parsed = URI.create(Objects.requireNonNull(uri, "redirectUri"));
            if (!parsed.isAbsolute() || parsed.getRawFragment() != null) {
                throw new IllegalArgumentException("A redirect URI must be absolute and have no fragment: " + uri);
            }
        }
        AppRegistration registration = directory.registerOAuth(List.of(redirectUris));
        registration.signedInUser(directory.createManagedMember(registration, "OAuth User"));
        return new OAuthApp(registration, directory);
    }

    /**
     * Creates a user (managed user) that belongs to no JWT app's enterprise, with a numeric id and the
     * login derived from {@code name} ({@code "Ada"} gives {@code ada@example.com}). As a JWT
     * {@code sub} it is refused; use {@link JwtApp#createUser} for a user an app may act as.
     */
    public BoxUser createUser(String name) {
        return directory.createUser(name);
    }

    /**
     * Sets the lifetime ({@code expires_in}) of tokens issued from now on. Default 3600 seconds.
     *
     * @throws IllegalArgumentException if shorter than one second
     */
    public void tokenLifetime(Duration lifetime) {
        issuer.lifetime(lifetime);
    }

    /**
     * Sets the emulator's clock to the system clock plus {@code offset} (negative: behind). It decides
     * assertion {@code exp} checks and token expiry, and is what the {@code Date} response field shows,
     * so a test moves time forward with it instead of sleeping. Default zero.
     */
    public void clockOffset(Duration offset) {
        clock.offset(offset);
    }

    /**
     * A fault knob's {@code count} that means every request until {@link #clearFaults()}, rather than a
     * number of them.
     */
    public static final int UNTIL_CLEARED = FaultSchedule.UNTIL_CLEARED;

    /**
     * Makes the next {@code count} token requests fail with {@code status} and Box's client error JSON
     * ({@code {"type":"error","status":503,"code":"unavailable",…,"request_id":…}} and a
     * {@code BOX-REQUEST-ID} header), before any check. Token-endpoint faults (this one,
     * {@link #rateLimitNextTokenRequests} and the knobs that break the response) are answered in the order
     * they were added; each counts as an error of its kind ({@code server_error} here).
     *
     * @param count how many requests, or {@link #UNTIL_CLEARED}
     * @throws IllegalArgumentException if {@code status} is not 500 to 599, or {@code count} is negative
     */
    public void failNextTokenRequests(int count, int status) {
        tokenFaults.add(count, "server_error", Faults.serverError(apiErrors, status));
    }

    /**
     * Makes the next {@code count} token requests fail with 429 {@code rate_limit_exceeded} in Box's client
     * error JSON, before any check, in the order token-endpoint faults were added (error kind
     * {@code rate_limited}).
     *
     * @param count how many requests, or {@link #UNTIL_CLEARED}
     * @param retryAfter the {@code Retry-After} value, sent verbatim (such as {@code "1"} or
     *     {@code "0.2"}), or {@code null} to send no {@code Retry-After}
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public void rateLimitNextTokenRequests(int count, String retryAfter) {
        tokenFaults.add(count, "rate_limited", Faults.rateLimited(apiErrors, retryAfter));
    }

    /**
     * Makes the next {@code count} token requests get the status line and header fields of a 200, with a
     * {@code Content-Length} and {@code Connection: close}, and then no body: the connection stays open,
     * silent, until {@link #clearFaults()} or {@link #close()}, which close it. For clients' read timeouts.
     * In the order token-endpoint faults were added; error kind {@code stalled_body}.
     *
     * @param count how many requests, or {@link #UNTIL_CLEARED}
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public void stallNextTokenResponses(int count) {
        tokenFaults.add(count, "stalled_body", Faults.stalledBody(random));
    }

    /**
     * Makes the next {@code count} token requests get no answer at all: the request is read, and the
     * connection stays open without a byte sent until {@link #clearFaults()} or {@link #close()}, which
     * close it. For clients' response timeouts. In the order token-endpoint faults were added; error kind
     * {@code no_answer}.
     *
     * @param count how many requests, or {@link #UNTIL_CLEARED}
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public void ignoreNextTokenRequests(int count) {
        tokenFaults.add(count, "no_answer", Faults.noAnswer());
    }

    /**
     * Waits until at least {@code count} token requests are held open by {@link #stallNextTokenResponses} or
     * {@link #ignoreNextTokenRequests} (a stalled one has had its head sent), so that a test knows its client
     * is now waiting on them, without sleeping. Requests released by {@link #clearFaults()} no longer count.
     *
     * @return whether that many were held before {@code timeout} passed
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public boolean awaitHeldTokenRequests(int count, Duration timeout) throws InterruptedException {
        return tokenFaults.awaitHeld(count, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Makes the next {@code count} token requests get a 200 with {@code Content-Type: application/json} and
     * a correctly framed body that is not JSON (an object that never closes). No token is issued. In the
     * order token-endpoint faults were added; error kind {@code malformed_json}.
     *
     * @param count how many requests, or {@link #UNTIL_CLEARED}
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public void malformNextTokenResponses(int count) {
        tokenFaults.add(count, "malformed_json", Faults.malformedJson(random));
    }

    /**
     * Makes the next {@code count} token requests get a 200 whose {@code Content-Length} announces a whole
     * token response, of which only the first half is sent before the connection is closed. In the order
     * token-endpoint faults were added; error kind {@code truncated_body}.
     *
     * @param count how many requests, or {@link #UNTIL_CLEARED}
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public void truncateNextTokenResponses(int count) {
        tokenFaults.add(count, "truncated_body", Faults.truncatedBody(random));
    }

    /**
     * Makes the next {@code count} token requests get a 200 with a valid JSON token object of exactly
     * {@code bodyBytes} bytes (announced in {@code Content-Length}), padded by one long string member and
     * streamed from a small buffer, so that even gigabytes cost the emulator no memory; then the connection
     * closes. Its access token was never issued. For clients' response size limits. In the order
     * token-endpoint faults were added; error kind {@code oversized_body}.
     *
     * @param count how many requests, or {@link #UNTIL_CLEARED}
     * @param bodyBytes the body's size, such as {@code 10 * 1024 * 1024}; at least 128
     * @throws IllegalArgumentException if {@code count} is negative or {@code bodyBytes} is less than 128
     */
    public void oversizeNextTokenResponses(int count, long bodyBytes) {
        tokenFaults.add(count, "oversized_body", Faults.oversizedBody(random, bodyBytes));
    }

    /**
     * Makes the next {@code count} API requests (under {@code /2.0/}) fail with {@code status} and Box's
     * client error JSON, before authentication, as Box's front ends answer an outage. API faults are
     * answered in the order they were added; error kind {@code api_server_error}.
     *
     * @param count how many requests, or {@link #UNTIL_CLEARED}
     * @throws IllegalArgumentException if {@code status} is not 500 to 599, or {@code count} is negative
     */
    public void failNextApiRequests(int count, int status) {
        apiFaults.add(count, "api_server_error", Faults.serverError(apiErrors, status));
    }

    /**
     * Makes the next {@code count} API requests fail with 429 {@code rate_limit_exceeded}, before
     * authentication, in the order API faults were added; error kind {@code api_rate_limited}.
     *
     * @param count how many requests, or {@link #UNTIL_CLEARED}
     * @param retryAfter the {@code Retry-After} value, sent verbatim, or {@code null} to send none
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public void rateLimitNextApiRequests(int count, String retryAfter) {
        apiFaults.add(count, "api_rate_limited", Faults.rateLimited(apiErrors, retryAfter));
    }

    /**
     * Cancels every scripted fault not yet answered, of the token endpoint and of the API, including those
     * scheduled {@link #UNTIL_CLEARED}, and closes the connections that stalled or unanswered requests hold.
     * Other knobs (latency, lifetime, clock) are kept.
     */
    public void clearFaults() {
        tokenFaults.clear();
        apiFaults.clear();
    }

    /**
     * Delays every response by {@code latency}, on the connection's own thread. Default zero.
     *
     * @throws IllegalArgumentException if negative
     */
    public void latency(Duration latency) {
        routes.latency(latency);
    }

    /**
     * Invalidates every access token issued so far: the API answers 401 to them. Later tokens work.
     * Refresh tokens are kept (use the revoke endpoint to end an OAuth 2.0 grant).
     */
    public void revokeAccessTokens() {
        issuer.revokeAll();
    }

    /** POST requests to the token endpoint, whatever the outcome, including scripted failures. */
    public int tokenRequests() {
        return counters.tokenRequests.get();
    }

    /**
     * Every access token issued since start, revoked or not, in the order issued: for tests that check
     * where tokens must not appear (logs, messages), or which token came last.
     */
    public Set<String> issuedAccessTokens() {
        return issuer.everIssued();
    }

    /** Every refresh token issued since start, used, revoked or not: for the same checks. */
    public Set<String> issuedRefreshTokens() {
        return refreshTokens.everIssued();
    }

    /**
     * Token requests with this {@code grant_type} (such as {@code client_credentials} or
     * {@code urn:ietf:params:oauth:grant-type:jwt-bearer}), whatever the outcome, including scripted
     * failures. Zero for a grant type not seen.
     */
    public int tokenRequests(String grantType) {
        return counters.grantTypes(grantType);
    }

    /**
     * Token requests answered with a token for the user {@code userId} (enterprise tokens count for the
     * Service Account; downscoped tokens for their subject): for tests of "N concurrent callers for one
     * user, one token request".
     */
    public int tokenRequestsFor(String userId) {
        return counters.tokensFor(userId);
    }

    /**
     * Token requests that carried an {@code As-User} header. Box's clients must send {@code As-User} on
     * API calls only, so a correct client keeps this at zero.
     */
    public int tokenRequestsWithAsUser() {
        return counters.tokenRequestsWithAsUser.get();
    }

    /** Token requests answered with a token, of every grant type. */
    public int tokensIssued() {
        return counters.tokensIssued.get();
    }

    /** Token exchanges answered with a downscoped token. */
    public int tokenExchanges() {
        return counters.tokenExchanges.get();
    }

    /**
     * Refresh requests with a refresh token that was already used (and so rotated away): what happens
     * when two threads or nodes refresh with the same token. Each is also an error of kind
     * {@code refresh_reuse}.
     */
    public int refreshTokenReuse() {
        return counters.refreshTokenReuse.get();
    }

    /** Revocation requests answered 200 (including those naming a token that was not revoked). */
    public int revocations() {
        return counters.revocations.get();
    }

    /**
     * Failures of one kind, zero for a kind not seen. Token endpoint: {@code invalid_client},
     * {@code unauthorized_client}, {@code grant_unauthorized} (a grant of another authentication method than
     * the app's), {@code unsupported_grant_type} ({@code grant_type} missing or unknown),
     * {@code invalid_request}; its scripted faults: {@code server_error}, {@code rate_limited},
     * {@code stalled_body}, {@code no_answer}, {@code malformed_json}, {@code truncated_body},
     * {@code oversized_body}; JWT: {@code kid}, {@code signature}, {@code iss},
     * {@code aud}, {@code exp}, {@code jti}, {@code sub}, {@code user_tokens_disabled}; client credentials:
     * {@code ccg_credentials}, {@code ccg_unauthorized}, {@code ccg_subject}; authorization code:
     * {@code code_invalid}, {@code code_reused}, {@code code_expired}, {@code code_redirect_uri}; refresh:
     * {@code refresh_invalid}, {@code refresh_reuse}, {@code refresh_expired}; token exchange:
     * {@code exchange_request}, {@code exchange_subject_token}, {@code exchange_scope},
     * {@code exchange_resource}. Revocation: {@code revoke_client}, {@code revoke_request}. Authorize page:
     * {@code authorize_request}, {@code authorize_client}, {@code authorize_redirect_uri},
     * {@code authorize_response_type}, {@code authorize_scope}. API faults: {@code api_server_error},
     * {@code api_rate_limited}.
     */
    public int errors(String kind) {
        return counters.errors(kind);
    }

    /** A snapshot of every failure kind seen, with its count, sorted by kind. */
    public Map<String, Integer> errors() {
        return counters.errors();
    }

    /** Requests under {@code /2.0/}. */
    public int apiRequests() {
        return counters.apiRequests.get();
    }

    /** API requests answered 401 (missing, unknown, revoked or expired token). */
    public int apiUnauthorized() {
        return counters.apiUnauthorized.get();
    }

    /** API requests that carried an {@code As-User} header, whatever the outcome. */
    public int asUserRequests() {
        return counters.asUserRequests.get();
    }

    /** The {@code As-User} header of the latest API request, or {@code null} if it carried none. */
    public String lastAsUser() {
        return counters.lastAsUser();
    }

    /** TCP connections accepted; one for many requests shows a client reusing a kept-alive connection. */
    public int connectionsAccepted() {
        return counters.connectionsAccepted.get();
    }

    /** Sets every counter back to zero. Knobs, apps, users and tokens are kept. */
    public void resetCounters() {
        counters.reset();
    }

    /**
     * Stops accepting connections and closes open ones, including those that stalled or unanswered
     * requests hold, without waiting for them. Idempotent.
     */
    @Override
    public void close() {
        // Released first, so that no connection thread is still waiting when the server stops its threads.
        tokenFaults.close();
        apiFaults.close();
        server.close();
    }

    @Override
    public String toString() {
        return "BoxEmulator[" + baseUrl + "]";
    }
}
