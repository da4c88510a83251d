package dev.boxauth.internal.oauth;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.Downscope;
import dev.boxauth.internal.DaemonPool;
import dev.boxauth.internal.Secret;
import dev.boxauth.internal.cache.RefreshingTokenCache;
import dev.boxauth.internal.grant.TokenExchangeGrant;
import dev.boxauth.internal.http.BoxHttpClient;
import dev.boxauth.internal.metrics.TokenMetrics;
import dev.boxauth.internal.token.BoxJson;
import dev.boxauth.internal.token.RetryPolicy;
import dev.boxauth.internal.token.Sleeper;
import dev.boxauth.internal.token.TokenRequester;
import dev.boxauth.internal.token.TokenResponse;
import dev.boxauth.internal.token.TokenRevoker;
import dev.boxauth.oauth.BoxOAuth;
import dev.boxauth.oauth.BoxOAuthConfig;
import dev.boxauth.oauth.BoxTokenStore;
import dev.boxauth.oauth.NotSignedInException;
import dev.boxauth.oauth.SignIn;
import dev.boxauth.oauth.SignInException.Reason;
import dev.boxauth.oauth.SignInException;
import dev.boxauth.oauth.SignedIn;
import dev.boxauth.oauth.StoredTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/** The {@link BoxOAuth} implementation: sign-in, one {@link UserTokenProvider} per user, sign-out. */
public final class OAuthClient implements BoxOAuth {

    private static final System.Logger LOG = System.getLogger(OAuthClient.class.getName());

    /** Used sign-in states one instance remembers at most (until they expire); only completed sign-ins count. */
    static final int MAX_USED_SIGN_IN_STATES = 100_000;
    /** Added to one request's timeouts for the lease on a pair being refreshed. */
    static final Duration LEASE_SLACK = Duration.ofSeconds(5);
    /** Box's {@code error} values are lower-case words; anything else from the query string is not echoed. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    private final BoxOAuthConfig config;
    private final BoxTokenStore store;
    private final OAuthTransport transport;
    private final SecureRandom random;
    private final Secret clientSecret;
    private final TokenRequester codeExchanger;
    private final Shared shared;
    private final SignInStates states;
    private final Executor executor;
    /** The refresh pool when the configuration passed none; shut down by {@link #close()}. */
    private final ExecutorService ownedExecutor;
    /** The HTTP client {@link #create} made for the transport; closed by {@link #close()}, {@code null} for fakes. */
    private final BoxHttpClient http;
    private final TokenRevoker revoker;
    private final Duration maxWait;
    /** One provider per user at most, so that one user's refreshes in this process run one at a time. */
    private final ConcurrentMap<String, UserTokenProvider> providers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param sleeper waits between retries and polls; tests pass one that does not sleep
     */
    public OAuthClient(BoxOAuthConfig config, BoxTokenStore store, OAuthTransport transport, Sleeper sleeper,
            SecureRandom random) {
        this(config, store, transport, sleeper, random, null, localStates(config, random));
    }

    private OAuthClient(BoxOAuthConfig config, BoxTokenStore store, OAuthTransport transport, Sleeper sleeper,
            SecureRandom random, BoxHttpClient http, SignInStates states) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.random = Objects.requireNonNull(random, "random");
        this.clientSecret = new Secret(config.clientSecret());
        this.http = http;
        this.revoker = new TokenRevoker(transport.revoke(), config.clientId(), clientSecret);
        // A code exchange is retried briefly (the code lives only some seconds); refreshes are retried by
        // UserTokens, which re-reads the store before it resends a refresh token.
        RetryPolicy codeExchange = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(2),
                config.totalTimeout());
        RetryPolicy refresh = RetryPolicy.singleAttempt(config.totalTimeout());
        // Object, not OpenTelemetry: this class loads without OpenTelemetry on the class path.
        Object openTelemetry = config.openTelemetry().orElse(null);
        TokenMetrics metrics = TokenMetrics.forApp(openTelemetry, config.clientId());
        this.codeExchanger = new TokenRequester(transport.token(), config.clock(), sleeper, codeExchange, metrics);
        Duration oneRequest = config.connectTimeout().plus(config.readTimeout());
        Duration lease = (oneRequest.compareTo(config.totalTimeout()) < 0 ? oneRequest : config.totalTimeout())
                .plus(LEASE_SLACK);
        this.shared = new Shared(config.clientId(), clientSecret, store, config.clock(),
                new TokenRequester(transport.token(), config.clock(), sleeper, refresh, metrics), sleeper,
                config.refreshMargin(), lease, this::revokeQuietly);
        this.states = states;
        this.ownedExecutor = config.executor().isPresent() ? null : DaemonPool.create("box-auth-oauth-refresh");
        this.executor = config.executor().orElse(ownedExecutor);
        // A refresh that goes on after that (UserTokens' retries, another instance's lease) still lands in the
        // cache and the store, and callers that gave up get a retryable BoxTokenException.
        this.maxWait = refresh.callerWait();
    }

    /** Over HTTPS to the configured URLs; sign-ins complete on this instance. */
    public static BoxOAuth create(BoxOAuthConfig config, BoxTokenStore store) {
        SecureRandom random = new SecureRandom();
        return create(config, store, random, localStates(config, random));
    }

    /**
     * Over HTTPS to the configured URLs, for an instance of a cluster: a sign-in started on any instance
     * completes on any other.
     *
     * @param secrets what every instance shares (the store's keys), from which the states' HMAC keys derive;
     *     the first signs
     * @param used where the used states are remembered, shared by the instances
     */
    public static BoxOAuth create(BoxOAuthConfig config, BoxTokenStore store, List<byte[]> secrets,
            UsedSignInStates used) {
        SecureRandom random = new SecureRandom();
        return create(config, store, random, new SignInStates(secrets.stream().map(SignInStates::derivedKey).toList(),
                config.signInTimeout(), random, used));
    }

    private static BoxOAuth create(BoxOAuthConfig config, BoxTokenStore store, SecureRandom random,
            SignInStates states) {
        BoxHttpClient http = BoxHttpClient.create(config.connectTimeout(), config.readTimeout(),
                config.sslContext().orElse(null), config.proxy().orElse(null));
        OAuthClient client = new OAuthClient(config, store, OAuthTransport.http(config, http), Sleeper.REAL,
                random, http, states);
        LOG.log(INFO, () -> "Box OAuth 2.0 ready: client id " + config.clientId() + ", token endpoint "
                + config.tokenUrl() + ", store " + store.getClass().getName());
        return client;
    }

    @Override
    public SignIn startSignIn() {
        requireOpen();
        String state = states.issue(config.clock().instant());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.clientId());
        query.put("redirect_uri", config.redirectUri().toString());
        query.put("state", state);
        if (!config.scopes().isEmpty()) {
            query.put("scope", String.join(" ", config.scopes()));
        }
        String base = config.authorizeUrl().toString();
        String separator = config.authorizeUrl().getRawQuery() == null ? "?" : "&";
        return new SignIn(URI.create(base + separator + encode(query)), state);
    }

    @Override
    public SignedIn completeSignIn(String code, String state) {
        return completeSignIn(code, state, null);
    }

    @Override
    public SignedIn completeSignIn(String code, String state, String error) {
        requireOpen();
        states.consume(state, config.clock().instant());
        if (error != null && !error.isBlank()) {
            if (error.equals("access_denied")) {
                throw new SignInException(Reason.ACCESS_DENIED, "The user declined to grant access on Box's page.", null);
            }
            String shown = ERROR_CODE.matcher(error).matches() ? " (" + error + ")" : "";
            throw new SignInException(Reason.AUTHORIZE_FAILED, "Box's authorize page reported an error" + shown
                    + ": check the client id, the redirect URI registered for the app and the scopes.", null);
        }
        if (code == null || code.isBlank()) {
            throw new SignInException(Reason.CODE_MISSING, "The sign-in callback has neither code nor error.", null);
        }
        TokenResponse response;
        try {
            response = codeExchanger.exchange(new AuthorizationCodeGrant(config.clientId(), clientSecret,
                    new Secret(code), config.redirectUri()));
        } catch (BoxTokenException e) {
            if ("invalid_grant".equals(e.error().orElse(null))) {
                throw new SignInException(Reason.CODE_REJECTED, "Box refused the authorization code: it was used"
                        + " already or expired (codes live some seconds), or the redirect URI differs from the"
                        + " app's. Start the sign-in again.", e);
            }
            throw e;
        }
        if (response.refreshToken() == null) {
            revokeQuietly(new Secret(response.accessToken().value()));
            throw new BoxAuthException("Box issued no refresh token for client id " + config.clientId()
                    + ": is the app set up for OAuth 2.0 (user authentication)?");
        }
        SignedIn user;
        try {
            user = whoIs(response.accessToken().value());
        } catch (RuntimeException e) {
            // Without a user id the tokens cannot be stored; do not leave them valid.
            revokeQuietly(new Secret(response.refreshToken()));
            throw e;
        }
        StoredTokens tokens = new StoredTokens(response.accessToken().value(), response.accessToken().expiresAt(),
                response.refreshToken());
        replace(user.boxUserId(), tokens);
        UserTokenProvider provider = providers.get(user.boxUserId());
        if (provider != null) {
            provider.signedInAgain();
        }
        LOG.log(INFO, () -> "Box user " + user.boxUserId() + " signed in to client id " + config.clientId());
        return user;
    }

    @Override
    public BoxTokenProvider forUser(String boxUserId) {
        requireOpen();
        requireUserId(boxUserId);
        if (store.load(boxUserId).isEmpty()) {
            throw new NotSignedInException(boxUserId, "Box user " + boxUserId + " is not signed in to client id "
                    + config.clientId() + ": no tokens are stored for them.", null);
        }
        return providers.computeIfAbsent(boxUserId, this::newProvider);
    }

    @Override
    public void signOut(String boxUserId) {
        requireOpen();
        requireUserId(boxUserId);
        UserTokenProvider provider = providers.remove(boxUserId);
        if (provider != null) {
            provider.detach();
        }
        // Removed before revoked: an instance refreshing meanwhile then fails its compare-and-set, finds
        // nothing, and revokes the pair it got; revoking first could let it store a pair nobody revokes.
        Optional<StoredTokens> removed = Optional.empty();
        while (true) {
            Optional<StoredTokens> current = store.load(boxUserId);
            if (current.isEmpty() || store.compareAndSet(boxUserId, current.get(), null)) {
                removed = current;
                break;
            }
        }
        removed.ifPresent(tokens -> {
            revokeQuietly(new Secret(tokens.refreshToken()));
            LOG.log(INFO, () -> "Box user " + boxUserId + " signed out of client id " + config.clientId());
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        providers.values().forEach(UserTokenProvider::shutDown);
        providers.clear();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
        if (http != null) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "BoxOAuth[client id " + config.clientId() + ", " + providers.size() + " user providers"
                + (closed ? ", closed" : "") + "]";
    }

    private UserTokenProvider newProvider(String boxUserId) {
        byte[] holder = new byte[12];
        random.nextBytes(holder);
        UserTokens tokens = new UserTokens(shared, boxUserId, Base64.getUrlEncoder().withoutPadding().encodeToString(holder));
        RefreshingTokenCache cache = new RefreshingTokenCache(tokens.name(), tokens, config.clock(), executor,
                config.refreshMargin(), maxWait);
        return new UserTokenProvider(this, boxUserId, tokens, cache, this::newDownscopeCache);
    }

    /**
     * A downscoped token cannot be refreshed: each fetch exchanges the user's token of that moment. Its
     * wait covers the user's own refresh too.
     */
    private RefreshingTokenCache newDownscopeCache(Downscope request, UserTokenProvider parent) {
        String name = TokenExchangeGrant.describe(request, parent.name());
        return new RefreshingTokenCache(name,
                () -> codeExchanger.request(new TokenExchangeGrant(parent.accessToken(), request, parent.name())),
                config.clock(), executor, config.refreshMargin(), maxWait.multipliedBy(2));
    }

    /** Puts the new pair in place of whatever is stored, by compare-and-set, so a concurrent write is not lost silently. */
    private void replace(String boxUserId, StoredTokens tokens) {
        while (true) {
            StoredTokens current = store.load(boxUserId).orElse(null);
            if (store.compareAndSet(boxUserId, current, tokens)) {
                return;
            }
        }
    }

    private SignedIn whoIs(String accessToken) {
        ApiEndpoint.ApiResponse response;
        try {
            response = transport.api().get("/users/me", accessToken);
        } catch (IOException e) {
            throw new BoxAuthException("Cannot ask Box who signed in: GET " + transport.api().describe()
                    + "/users/me failed (" + e.getClass().getSimpleName() + "). Check apiUrl, the network and the"
                    + " proxy settings.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoxAuthException("Interrupted while asking Box who signed in.", e);
        }
        Map<String, Object> json = response.status() == 200 ? BoxJson.parse(response.body()) : null;
        Object id = json == null ? null : json.get("id");
        String userId = id instanceof String s ? s : id instanceof Number n ? String.valueOf(n.longValue()) : null;
        if (userId == null || userId.isBlank()) {
            throw new BoxAuthException("Cannot tell who signed in: GET " + transport.api().describe()
                    + "/users/me answered HTTP " + response.status() + (response.status() == 200
                            ? " without a user id" : "") + ". Check apiUrl.");
        }
        return new SignedIn(userId, text(json, "name"), text(json, "login"));
    }

    /** Revokes a token at Box, best effort: revoking either token of a pair disables both. */
    void revokeQuietly(Secret token) {
        try {
            revoker.revoke(token.reveal(), "a user of client id " + config.clientId());
        } catch (BoxTokenException e) {
            LOG.log(WARNING, () -> "Cannot revoke a token: " + e.getMessage());
        }
    }

    /** States good on this instance alone: a key of its own, the used ones in its memory. */
    private static SignInStates localStates(BoxOAuthConfig config, SecureRandom random) {
        return new SignInStates(List.of(SignInStates.randomKey(random)), config.signInTimeout(), random,
                new LocalUsedSignInStates(MAX_USED_SIGN_IN_STATES));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This BoxOAuth (client id " + config.clientId() + ") is closed");
        }
    }

    private static void requireUserId(String boxUserId) {
        if (boxUserId == null || boxUserId.isBlank()) {
            throw new IllegalArgumentException("a Box user id is required");
        }
    }

    private static String encode(Map<String, String> query) {
        StringBuilder text = new StringBuilder();
        query.forEach((name, value) -> {
            if (text.length() > 0) {
                text.append('&');
            }
            // URLEncoder writes form encoding; %20 is the space every query parser reads.
            text.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        });
        return text.toString();
    }

    private static String text(Map<String, Object> json, String name) {
        return Objects.requireNonNullElse(BoxJson.text(json, name), "");
    }
}
