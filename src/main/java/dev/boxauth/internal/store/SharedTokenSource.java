package dev.boxauth.internal.store;

import static java.lang.System.Logger.Level.WARNING;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.internal.cache.TokenSource;
import dev.boxauth.internal.config.StoreSettings;
import dev.boxauth.internal.token.Sleeper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import javax.cache.Cache;

/**
 * A {@link TokenSource} whose tokens the instances of a cluster share through a {@link JCacheTokenStore}, so
 * that they ask Box once per expiry together rather than once each. The instance's own token cache calls it
 * as before (when its token turns stale, after a 401, at start); it then:
 * <ol>
 *   <li>adopts the stored token if it is one this instance has not handed out yet and still valid: another
 *       instance refreshed, or this one just started;
 *   <li>otherwise takes the entry's refresh lease, looks once more (the lease's holder may have stored
 *       meanwhile), asks Box, stores the new token and gives the lease back;
 *   <li>while another instance holds the lease, reads the store again every {@link #POLL} until its token
 *       appears or its lease lapses, at most twice the lease.
 * </ol>
 * An instance that dies holding the lease delays the others until the lease lapses. When the store fails,
 * the instance asks Box itself and logs that once.
 */
public final class SharedTokenSource implements TokenSource {

    private static final System.Logger LOG = System.getLogger(SharedTokenSource.class.getName());

    /** How often the store is read while another instance refreshes. */
    static final Duration POLL = Duration.ofMillis(50);

    private final JCacheTokenStore store;
    private final String entry;
    private final String name;
    private final TokenSource box;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration lease;
    /** Names this source in leases; random, so two instances never mistake each other's lease. */
    private final String holder;
    private final AtomicBoolean troubleLogged = new AtomicBoolean();

    /** The token last handed to the cache: when the store still holds it, the cache wants a new one. */
    private volatile String handedOut;

    /**
     * @param name what the tokens are for (client id and subject); hashed into the entry's name, so the
     *     cache shows neither
     * @param lease how long a refresh may hold the lease: the token request's deadline and some slack
     */
    public SharedTokenSource(JCacheTokenStore store, String name, TokenSource box, Clock clock, Sleeper sleeper,
            Duration lease, SecureRandom random) {
        this.store = store;
        this.entry = entryName(name);
        this.name = name;
        this.box = box;
        this.clock = clock;
        this.sleeper = sleeper;
        this.lease = lease;
        byte[] id = new byte[12];
        random.nextBytes(id);
        this.holder = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /**
     * What shares a provider's tokens through the store of {@code settings}: given what a token cache is for
     * and how it asks Box, its shared source. Closed with the provider.
     */
    public interface Sharing extends BiFunction<String, TokenSource, TokenSource>, AutoCloseable {

        @Override
        void close();
    }

    /**
     * @param cache the application's JCache cache, or {@code null} for the default provider's
     * @throws BoxAuthException when the cache cannot be had
     */
    public static Sharing sharing(StoreSettings settings, Cache<?, ?> cache, Clock clock, Sleeper sleeper,
            Duration lease) {
        StoreCalls calls = new StoreCalls(settings.timeout());
        JCacheTokenStore store;
        try {
            store = JCacheTokenStore.open(settings, cache, calls);
        } catch (RuntimeException e) {
            calls.close();
            throw e;
        }
        SecureRandom random = new SecureRandom();
        return new Sharing() {
            @Override
            public TokenSource apply(String name, TokenSource box) {
                return new SharedTokenSource(store, name, box, clock, sleeper, lease, random);
            }

            @Override
            public void close() {
                calls.close();
            }
        };
    }

    @Override
    public BoxAccessToken fetch() {
        long giveUpAt = sleeper.nanoTime() + lease.multipliedBy(2).toNanos();
        try {
            while (true) {
                long now = clock.millis();
                BoxAccessToken stored = adoptable(store.read(entry), now);
                if (stored != null) {
                    return handOut(stored);
                }
                if (store.claim(entry, holder, now + lease.toMillis(), now)) {
                    return refreshHoldingTheLease(now);
                }
                if (sleeper.nanoTime() - giveUpAt > 0) {
                    LOG.log(WARNING, () -> "BOXAUTH-042 Another instance kept the refresh lease of the shared Box"
                            + " token for " + name + " beyond " + lease.multipliedBy(2) + "; asking Box directly.");
                    return handOut(box.fetch());
                }
                pause();
            }
        } catch (StoreUnavailableException e) {
            storeFailed(e);
            return handOut(box.fetch());
        }
    }

    private BoxAccessToken refreshHoldingTheLease(long now) {
        try {
            BoxAccessToken stored = adoptable(store.read(entry), now);
            if (stored != null) {
                return handOut(stored);
            }
            BoxAccessToken fetched = handOut(box.fetch());
            try {
                store.write(entry, fetched);
                troubleLogged.set(false);
            } catch (StoreUnavailableException e) {
                storeFailed(e); // the token is good all the same; the others ask Box once the lease lapses
            }
            return fetched;
        } finally {
            try {
                store.release(entry, holder);
            } catch (StoreUnavailableException e) {
                storeFailed(e); // the lease lapses by itself
            }
        }
    }

    /** Logged once per outage: every refresh of every instance would otherwise repeat it. */
    private void storeFailed(StoreUnavailableException e) {
        if (troubleLogged.compareAndSet(false, true)) {
            LOG.log(WARNING, () -> "BOXAUTH-043 " + e.getMessage() + ": this instance asks Box for the token for "
                    + name + " on its own until the store answers again.");
        }
    }

    /** {@code token} if this instance has not handed it out yet and it is still valid; else {@code null}. */
    private BoxAccessToken adoptable(BoxAccessToken token, long now) {
        return token != null && !token.value().equals(handedOut) && token.expiresAt().toEpochMilli() > now
                ? token : null;
    }

    private BoxAccessToken handOut(BoxAccessToken token) {
        handedOut = token.value();
        return token;
    }

    private void pause() {
        try {
            sleeper.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoxAuthException("Interrupted while waiting for another instance's Box token for " + name, e);
        }
    }

    /** A name that identifies what the tokens are for without showing it: versioned, so a new format starts anew. */
    static String entryName(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "box-auth:1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SharedTokenSource[" + name + ", " + store + "]";
    }
}
