package dev.boxauth.internal.oauth;

import dev.boxauth.internal.http.TokenEndpoint;
import dev.boxauth.internal.http.TokenHttpResponse;
import dev.boxauth.oauth.StoredTokens;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Box's token, revoke and users/me endpoints in memory, for pure unit tests. Implements what box-auth must
 * survive: single-use codes, and refresh-token rotation where a spent refresh token is refused with
 * {@code invalid_grant} "Invalid refresh token" and counted as a reuse. Faults can be queued for the next
 * refresh requests: hold one in flight, lose its answer, or fail it.
 *
 * <p>Every token it issues contains {@code -secret-}, so that leak tests can look for that one fragment.
 */
public final class FakeBox implements TokenEndpoint {

    public static final String CLIENT_ID = "client-id-42";
    public static final String CLIENT_SECRET = "CLIENT-secret-value";
    public static final String REDIRECT_URI = "https://app.example.com/box/callback?from=box&x=a%20b";

    /** Wraps the processing of one refresh request. */
    @FunctionalInterface
    public interface Fault {
        TokenHttpResponse apply(Processing box) throws IOException;
    }

    /** Box processing the request: rotates (or refuses) and returns the answer. */
    @FunctionalInterface
    public interface Processing {
        TokenHttpResponse process();
    }

    private record Pair(String userId, String accessToken, String refreshToken) {
    }

    private record User(String id, String name, String login) {
    }

    private final Clock clock;
    private volatile long expiresInSeconds = 3600;
    private int issued;
    private final Map<String, String> codes = new HashMap<>();
    private final Set<String> usedCodes = new HashSet<>();
    private final Map<String, Pair> liveByRefresh = new HashMap<>();
    private final Map<String, Pair> liveByAccess = new HashMap<>();
    private final Set<String> rotated = new HashSet<>();
    private final Map<String, User> users = new HashMap<>();
    private final ConcurrentLinkedDeque<Fault> refreshFaults = new ConcurrentLinkedDeque<>();
    private volatile IOException revokeFailure;
    private volatile int usersMeStatus;

    public final List<Map<String, String>> tokenForms = new CopyOnWriteArrayList<>();
    public final List<Map<String, String>> revokeForms = new CopyOnWriteArrayList<>();
    public final AtomicInteger refreshRequests = new AtomicInteger();
    public final AtomicInteger refreshesIssued = new AtomicInteger();
    /** Refresh requests with a refresh token Box had already rotated: what single-use rotation punishes. */
    public final AtomicInteger reuses = new AtomicInteger();
    public final AtomicInteger usersMeCalls = new AtomicInteger();

    public FakeBox(Clock clock) {
        this.clock = clock;
    }

    public synchronized void addUser(String id, String name, String login) {
        users.put(id, new User(id, name, login));
    }

    public void expiresIn(long seconds) {
        expiresInSeconds = seconds;
    }

    /** A code the authorize page would have redirected with, after the user approved. */
    public synchronized String issueCode(String userId) {
        String code = "CODE-secret-" + (++issued);
        codes.put(code, userId);
        return code;
    }

    /** A live pair for the user, as a sign-in on some instance would have left in the store. */
    public synchronized StoredTokens issuePair(String userId) {
        Pair pair = newPair(userId);
        return new StoredTokens(pair.accessToken(), clock.instant().plusSeconds(expiresInSeconds), pair.refreshToken());
    }

    /** Box forgets a token as the revoke endpoint would: either token of a pair disables both. */
    public synchronized void revoke(String token) {
        Pair pair = liveByRefresh.containsKey(token) ? liveByRefresh.get(token) : liveByAccess.get(token);
        if (pair != null) {
            liveByRefresh.remove(pair.refreshToken());
            liveByAccess.remove(pair.accessToken());
        }
    }

    public synchronized boolean isLive(String token) {
        return liveByRefresh.containsKey(token) || liveByAccess.containsKey(token);
    }

    /** Another instance spends {@code refreshToken} directly; returns Box's HTTP status. */
    public int refreshAsAnotherNode(String refreshToken) {
        try {
            return post(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET), Duration.ofSeconds(1)).status();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public void thenRefresh(Fault fault) {
        refreshFaults.add(fault);
    }

    public void failRevokes(IOException failure) {
        revokeFailure = failure;
    }

    public void answerUsersMeWith(int status) {
        usersMeStatus = status;
    }

    /** The refresh tokens sent in refresh requests, in order. */
    public List<String> refreshTokensSent() {
        return tokenForms.stream().filter(f -> "refresh_token".equals(f.get("grant_type")))
                .map(f -> f.get("refresh_token")).toList();
    }

    // Faults

    /** Holds the request until {@code release}, before Box has looked at it; signals {@code arrived}. */
    public static Fault holdBeforeProcessing(CountDownLatch arrived, CountDownLatch release) {
        return box -> {
            arrived.countDown();
            await(release);
            return box.process();
        };
    }

    /** Box rotates the token, then the answer is held until {@code release}. */
    public static Fault holdAfterProcessing(CountDownLatch arrived, CountDownLatch release) {
        return box -> {
            TokenHttpResponse answer = box.process();
            arrived.countDown();
            await(release);
            return answer;
        };
    }

    /** The request times out before reaching Box: nothing rotated. */
    public static Fault timeoutBeforeProcessing() {
        return box -> {
            throw new HttpTimeoutException("request timed out");
        };
    }

    /** Box rotates the token, but the answer is lost: the new pair is gone for good. */
    public static Fault timeoutAfterProcessing() {
        return box -> {
            box.process();
            throw new HttpTimeoutException("request timed out");
        };
    }

    /** Box answers an error without looking at the token. */
    public static Fault status(int status, String error) {
        return box -> json(status, "{\"error\":\"" + error + "\",\"error_description\":\"scripted\"}");
    }

    /** Runs {@code sideEffect} (another instance's doing) when the request arrives, then lets Box process it. */
    public static Fault meanwhile(Runnable sideEffect) {
        return box -> {
            sideEffect.run();
            return box.process();
        };
    }

    // Endpoints

    @Override
    public TokenHttpResponse post(Map<String, String> form, Duration atMost) throws IOException {
        tokenForms.add(Map.copyOf(form));
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return error("invalid_client", "The client credentials are invalid");
        }
        switch (String.valueOf(form.get("grant_type"))) {
            case "authorization_code":
                return exchangeCode(form.get("code"), form.get("redirect_uri"));
            case "refresh_token":
                refreshRequests.incrementAndGet();
                Fault fault = refreshFaults.poll();
                Processing processing = () -> refresh(form.get("refresh_token"));
                return fault == null ? processing.process() : fault.apply(processing);
            default:
                return error("unsupported_grant_type", "Unsupported grant type");
        }
    }

    @Override
    public String describe() {
        return "https://fake-box.example/oauth2/token";
    }

    public TokenEndpoint revokeEndpoint() {
        return new TokenEndpoint() {
            @Override
            public TokenHttpResponse post(Map<String, String> form, Duration atMost) throws IOException {
                revokeForms.add(Map.copyOf(form));
                IOException failure = revokeFailure;
                if (failure != null) {
                    throw failure;
                }
                if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
                    return error("invalid_client", "The client credentials are invalid");
                }
                revoke(form.get("token"));
                return new TokenHttpResponse(200, "", null, null);
            }

            @Override
            public String describe() {
                return "https://fake-box.example/oauth2/revoke";
            }
        };
    }

    public ApiEndpoint api() {
        return new ApiEndpoint() {
            @Override
            public ApiResponse get(String path, String accessToken) {
                usersMeCalls.incrementAndGet();
                if (!path.equals("/users/me")) {
                    return new ApiResponse(404, "");
                }
                if (usersMeStatus != 0) {
                    return new ApiResponse(usersMeStatus, "{\"type\":\"error\"}");
                }
                synchronized (FakeBox.this) {
                    Pair pair = liveByAccess.get(accessToken);
                    if (pair == null) {
                        return new ApiResponse(401, "");
                    }
                    User user = users.get(pair.userId());
                    return new ApiResponse(200, "{\"type\":\"user\",\"id\":\"" + user.id() + "\",\"name\":\""
                            + user.name() + "\",\"login\":\"" + user.login() + "\"}");
                }
            }

            @Override
            public String describe() {
                return "https://fake-box.example/2.0";
            }
        };
    }

    private synchronized TokenHttpResponse exchangeCode(String code, String redirectUri) {
        String userId = codes.get(code);
        if (userId == null || !usedCodes.add(code)) {
            return error("invalid_grant", "The authorization code has expired");
        }
        if (!REDIRECT_URI.equals(redirectUri)) {
            return error("invalid_grant", "The redirect_uri does not match");
        }
        return tokens(newPair(userId));
    }

    private synchronized TokenHttpResponse refresh(String refreshToken) {
        Pair pair = liveByRefresh.remove(refreshToken);
        if (pair == null) {
            if (rotated.contains(refreshToken)) {
                reuses.incrementAndGet();
            }
            return error("invalid_grant", "Invalid refresh token");
        }
        liveByAccess.remove(pair.accessToken());
        rotated.add(refreshToken);
        refreshesIssued.incrementAndGet();
        return tokens(newPair(pair.userId()));
    }

    private Pair newPair(String userId) {
        int n = ++issued;
        Pair pair = new Pair(userId, "AT-secret-" + n, "RT-secret-" + n);
        liveByRefresh.put(pair.refreshToken(), pair);
        liveByAccess.put(pair.accessToken(), pair);
        return pair;
    }

    private TokenHttpResponse tokens(Pair pair) {
        return json(200, "{\"access_token\":\"" + pair.accessToken() + "\",\"expires_in\":" + expiresInSeconds
                + ",\"token_type\":\"bearer\",\"restricted_to\":[],\"refresh_token\":\"" + pair.refreshToken() + "\"}");
    }

    private static TokenHttpResponse error(String error, String description) {
        return json(400, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    private static TokenHttpResponse json(int status, String body) {
        return new TokenHttpResponse(status, body, null, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the test did not release the held request within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
