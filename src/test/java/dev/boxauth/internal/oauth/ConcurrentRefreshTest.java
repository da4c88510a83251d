package dev.boxauth.internal.oauth;

import static dev.boxauth.internal.oauth.FakeBox.holdBeforeProcessing;
import static dev.boxauth.internal.oauth.Harness.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.token.Sleeper;
import dev.boxauth.oauth.StoredTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads, and two nodes sharing one store, against a Box that holds the refresh open until the test lets go. */
class ConcurrentRefreshTest {

    private static final Duration PAST_EXPIRY = Duration.ofSeconds(3600);

    private final Harness h = new Harness();
    private final CountDownLatch refreshArrived = new CountDownLatch(1);
    private final CountDownLatch releaseRefresh = new CountDownLatch(1);
    /** What a node does while another holds the lease: wait, without sleeping, until the lease is gone. */
    private final Sleeper untilTheLeaseIsGone = d -> {
        if (!h.store.awaitUntil(USER, s -> s == null || s.refreshLease() == null)) {
            throw new AssertionError("the lease was never released");
        }
    };

    @AfterEach
    void closeAll() {
        h.close();
    }

    @Test
    void sixtyFourCallersOfAnExpiredToken_causeExactlyOneRefresh() throws Exception {
        OAuthClient node = h.threadedNode(d -> { });
        h.storedPair(USER);
        BoxTokenProvider provider = node.forUser(USER);
        provider.accessToken();
        h.clock.advance(PAST_EXPIRY);
        h.box.thenRefresh(holdBeforeProcessing(refreshArrived, releaseRefresh));

        Callers callers = new Callers();
        for (int i = 0; i < 64; i++) {
            callers.start(provider::accessToken);
        }
        callers.go();
        assertThat(refreshArrived.await(5, TimeUnit.SECONDS)).isTrue();
        callers.awaitAllBlocked();
        releaseRefresh.countDown();

        assertThat(callers.results()).hasSize(64).containsOnly("AT-secret-2");
        assertThat(h.box.refreshTokensSent()).containsExactly("RT-secret-1");
        assertThat(h.box.refreshesIssued).hasValue(1);
        assertThat(h.box.reuses).hasValue(0);
        assertThat(h.store.get(USER)).isEqualTo(new StoredTokens("AT-secret-2",
                h.clock.instant().plusSeconds(3600), "RT-secret-2"));
    }

    @Test
    void twoNodesSharingAStore_refreshOnce_andBothEndWithTheWinnersToken() throws Exception {
        OAuthClient nodeA = h.threadedNode(untilTheLeaseIsGone);
        OAuthClient nodeB = h.threadedNode(untilTheLeaseIsGone);
        h.storedPair(USER);
        BoxTokenProvider a = nodeA.forUser(USER);
        BoxTokenProvider b = nodeB.forUser(USER);
        assertThat(a.accessToken()).isEqualTo(b.accessToken()).isEqualTo("AT-secret-1");
        h.clock.advance(PAST_EXPIRY);
        h.box.thenRefresh(holdBeforeProcessing(refreshArrived, releaseRefresh));

        Callers callers = new Callers();
        for (int i = 0; i < 32; i++) {
            callers.start(a::accessToken);
            callers.start(b::accessToken);
        }
        callers.go();
        assertThat(refreshArrived.await(5, TimeUnit.SECONDS)).isTrue();
        callers.awaitAllBlocked();
        awaitTrue(() -> !h.sleeps.isEmpty()); // the other node found the lease and waits
        releaseRefresh.countDown();

        assertThat(callers.results()).hasSize(64).containsOnly("AT-secret-2");
        assertThat(h.sleeps).containsOnly(UserTokens.POLL_INTERVAL);
        assertThat(h.box.refreshRequests).hasValue(1);
        assertThat(h.box.refreshesIssued).hasValue(1);
        assertThat(h.box.reuses).hasValue(0);
        assertThat(h.store.get(USER).refreshToken()).isEqualTo("RT-secret-2");
        assertThat(h.store.get(USER).refreshLease()).isNull();
    }

    @Test
    void aNodeThatRefreshesAfterAnother_findsTheNewPairInTheStoreAndDoesNotAskBox() {
        OAuthClient nodeA = h.node();
        OAuthClient nodeB = h.node();
        h.storedPair(USER);
        BoxTokenProvider a = nodeA.forUser(USER);
        BoxTokenProvider b = nodeB.forUser(USER);
        a.accessToken();
        b.accessToken();
        h.clock.advance(PAST_EXPIRY);

        assertThat(a.accessToken()).isEqualTo("AT-secret-2");
        assertThat(b.accessToken()).isEqualTo("AT-secret-2");

        assertThat(h.box.refreshRequests).hasValue(1);
        assertThat(h.box.reuses).hasValue(0);
    }

    @Test
    void differentUsers_refreshInParallel_eachOnceWithTheirOwnToken() throws Exception {
        OAuthClient node = h.threadedNode(d -> { });
        List<String> users = new ArrayList<>();
        for (int u = 0; u < 8; u++) {
            String user = "3000" + u;
            h.box.addUser(user, "User " + u, "u" + u + "@example.com");
            h.storedPair(user);
            node.forUser(user).accessToken();
            users.add(user);
        }
        h.clock.advance(PAST_EXPIRY);

        Callers callers = new Callers();
        for (String user : users) {
            BoxTokenProvider provider = node.forUser(user);
            for (int i = 0; i < 8; i++) {
                callers.start(provider::accessToken);
            }
        }
        callers.go();

        assertThat(callers.results()).hasSize(64).doesNotContainNull();
        assertThat(h.box.refreshRequests).hasValue(8);
        assertThat(h.box.refreshTokensSent()).doesNotHaveDuplicates();
        assertThat(h.box.reuses).hasValue(0);
    }

    @Test
    void aTokenDueForRefresh_isServedAtOnceWhileOneBackgroundRefreshRuns() throws Exception {
        OAuthClient node = h.threadedNode(d -> { });
        h.storedPair(USER);
        BoxTokenProvider provider = node.forUser(USER);
        provider.accessToken();
        h.clock.advance(Duration.ofMinutes(56)); // inside the refresh margin, far from expiry
        h.box.thenRefresh(holdBeforeProcessing(refreshArrived, releaseRefresh));

        assertThat(provider.accessToken()).isEqualTo("AT-secret-1");
        assertThat(refreshArrived.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(provider.accessToken()).isEqualTo("AT-secret-1");
        releaseRefresh.countDown();

        assertThat(h.store.awaitUntil(USER, s -> s.refreshToken().equals("RT-secret-2"))).isTrue();
        assertThat(h.box.refreshRequests).hasValue(1);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.onSpinWait();
        }
    }

    /** Threads that call at once, and whose outcomes the test collects. */
    private static final class Callers {

        private final CountDownLatch go = new CountDownLatch(1);
        private final List<Thread> threads = new ArrayList<>();
        private final ConcurrentHashMap<Integer, Object> outcomes = new ConcurrentHashMap<>();

        void start(Supplier<String> call) {
            int index = threads.size();
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    outcomes.put(index, call.get());
                } catch (Throwable e) {
                    outcomes.put(index, e);
                }
            }, "caller-" + index);
            threads.add(thread);
            thread.start();
        }

        void go() {
            go.countDown();
        }

        /** Waits until every caller is parked: each waits for the refresh or has its result already. */
        void awaitAllBlocked() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (Thread thread : threads) {
                while (thread.isAlive() && thread.getState() == Thread.State.RUNNABLE) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(thread.getName() + " never blocked");
                    }
                    Thread.onSpinWait();
                }
            }
        }

        List<Object> results() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
                assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
            }
            List<Object> results = new ArrayList<>();
            for (int i = 0; i < threads.size(); i++) {
                Object outcome = outcomes.get(i);
                if (outcome instanceof Throwable failure) {
                    throw new AssertionError(threads.get(i).getName() + " failed", failure);
                }
                results.add(outcome);
            }
            return results;
        }
    }
}
