package dev.boxauth.internal.oauth;

import dev.boxauth.internal.token.Sleeper;
import dev.boxauth.oauth.BoxOAuthConfig;
import dev.boxauth.oauth.SignIn;
import dev.boxauth.oauth.StoredTokens;
import dev.boxauth.testing.MutableClock;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * One fake Box, one shared store, one clock, and as many {@link OAuthClient}s ("nodes") as a test wants,
 * wired without HTTP. Sleeps are recorded, never slept: a test that needs a node to wait passes a
 * sleeper that blocks on what it waits for.
 */
public final class Harness implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    public static final String USER = "20001";

    public final MutableClock clock = new MutableClock(START);
    public final FakeBox box = new FakeBox(clock);
    public final WatchedStore store = new WatchedStore();
    /** Every delay any node asked for, in order. */
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<OAuthClient> nodes = new ArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();

    public Harness() {
        box.addUser(USER, "Ada Lovelace", "ada@example.com");
        box.addUser("20002", "Grace Hopper", "grace@example.com");
    }

    public BoxOAuthConfig.Builder config() {
        return BoxOAuthConfig.builder()
                .clientId(FakeBox.CLIENT_ID)
                .clientSecret(FakeBox.CLIENT_SECRET)
                .redirectUri(FakeBox.REDIRECT_URI)
                .clock(clock)
                .executor(Runnable::run);
    }

    /** A node whose background refreshes run on the calling thread and whose sleeps return at once. */
    public OAuthClient node() {
        return node(UnaryOperator.identity(), d -> { });
    }

    public OAuthClient node(UnaryOperator<BoxOAuthConfig.Builder> configure, Sleeper sleeper) {
        Sleeper recording = d -> {
            sleeps.add(d);
            sleeper.sleep(d);
        };
        OAuthClient node = new OAuthClient(configure.apply(config()).build(), store,
                new OAuthTransport(box, box.revokeEndpoint(), box.api()), recording,
                new SecureRandom());
        nodes.add(node);
        return node;
    }

    /** A node with its own thread pool for background refreshes, and the given sleeper. */
    public OAuthClient threadedNode(Sleeper sleeper) {
        ExecutorService pool = Executors.newCachedThreadPool();
        pools.add(pool);
        Executor executor = pool;
        return node(b -> b.executor(executor), sleeper);
    }

    /** The whole browser round trip on {@code node}: start, Box's approval, callback. */
    public StoredTokens signIn(OAuthClient node, String userId) {
        SignIn signIn = node.startSignIn();
        node.completeSignIn(box.issueCode(userId), signIn.state());
        return store.get(userId);
    }

    /** A pair issued by Box and stored, as a sign-in elsewhere would leave it. */
    public StoredTokens storedPair(String userId) {
        StoredTokens pair = box.issuePair(userId);
        store.put(userId, pair);
        return pair;
    }

    public static String query(URI url, String name) {
        for (String part : url.getRawQuery().split("&")) {
            int eq = part.indexOf('=');
            if (part.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        nodes.forEach(OAuthClient::close);
        pools.forEach(ExecutorService::shutdownNow);
    }
}
