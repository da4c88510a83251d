package dev.boxauth.internal.oauth;

import static dev.boxauth.internal.oauth.FakeBox.holdAfterProcessing;
import static dev.boxauth.internal.oauth.FakeBox.holdBeforeProcessing;
import static dev.boxauth.internal.oauth.FakeBox.meanwhile;
import static dev.boxauth.internal.oauth.FakeBox.status;
import static dev.boxauth.internal.oauth.FakeBox.timeoutAfterProcessing;
import static dev.boxauth.internal.oauth.FakeBox.timeoutBeforeProcessing;
import static dev.boxauth.internal.oauth.Harness.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boxauth.BoxTokenException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.oauth.NotSignedInException;
import dev.boxauth.oauth.StoredTokens;
import dev.boxauth.oauth.StoredTokens.RefreshLease;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One user's provider against the fake Box and the store, one node at a time (other nodes are simulated by
 * writing to the store). Background refreshes run on the calling thread.
 */
class RefreshTest {

    private static final Duration PAST_EXPIRY = Duration.ofSeconds(3600);

    private final Harness h = new Harness();
    private final OAuthClient node = h.node();

    @AfterEach
    void closeAll() {
        h.close();
    }

    /** A signed-in user whose provider has handed out the first token, which has now expired. */
    private BoxTokenProvider expiredProvider() {
        h.storedPair(USER);
        BoxTokenProvider provider = node.forUser(USER);
        assertThat(provider.accessToken()).isEqualTo("AT-secret-1");
        h.clock.advance(PAST_EXPIRY);
        return provider;
    }

    @Test
    void firstCall_usesTheStoredTokenWithoutAskingBox() {
        h.storedPair(USER);

        assertThat(node.forUser(USER).accessToken()).isEqualTo("AT-secret-1");

        assertThat(h.box.tokenForms).isEmpty();
    }

    @Test
    void expiredToken_isRefreshedOnceWithTheStoredRefreshToken_andTheNewPairReplacesTheOld() {
        BoxTokenProvider provider = expiredProvider();

        assertThat(provider.accessToken()).isEqualTo("AT-secret-2");
        assertThat(provider.accessToken()).isEqualTo("AT-secret-2");

        assertThat(h.box.tokenForms).containsExactly(Map.of(
                "grant_type", "refresh_token",
                "refresh_token", "RT-secret-1",
                "client_id", FakeBox.CLIENT_ID,
                "client_secret", FakeBox.CLIENT_SECRET));
        assertThat(h.store.get(USER)).isEqualTo(new StoredTokens("AT-secret-2",
                Harness.START.plus(PAST_EXPIRY).plusSeconds(3600), "RT-secret-2"));
    }

    @Test
    void refreshesInARow_spendEachRefreshTokenOnce() {
        BoxTokenProvider provider = expiredProvider();
        for (int i = 2; i <= 6; i++) {
            assertThat(provider.accessToken()).isEqualTo("AT-secret-" + i);
            h.clock.advance(PAST_EXPIRY);
        }

        assertThat(h.box.refreshTokensSent()).containsExactly("RT-secret-1", "RT-secret-2", "RT-secret-3",
                "RT-secret-4", "RT-secret-5");
        assertThat(h.box.reuses).hasValue(0);
    }

    @Test
    void aPairAnotherNodeStored_isAdoptedWithoutAskingBox() {
        BoxTokenProvider provider = expiredProvider();
        StoredTokens theirs = h.box.issuePair(USER); // as if another node had refreshed
        h.store.put(USER, theirs);

        assertThat(provider.accessToken()).isEqualTo(theirs.accessToken());

        assertThat(h.box.tokenForms).isEmpty();
    }

    @Test
    void aStoredTokenThatIsDueForRefresh_isRefreshedRatherThanAdopted() {
        h.storedPair(USER);
        h.clock.advance(Duration.ofMinutes(56)); // 4 minutes left: inside the 5-minute refresh margin

        assertThat(node.forUser(USER).accessToken()).isEqualTo("AT-secret-2");

        assertThat(h.box.refreshTokensSent()).containsExactly("RT-secret-1");
    }

    @Test
    void aTokenTheApiRejected_isNotTakenFromTheStoreAgain() {
        h.storedPair(USER);
        BoxTokenProvider provider = node.forUser(USER);
        String rejected = provider.accessToken();

        provider.invalidate(rejected);

        assertThat(provider.accessToken()).isEqualTo("AT-secret-2");
        assertThat(h.box.refreshTokensSent()).containsExactly("RT-secret-1");
    }

    @Test
    void invalidGrant_whenAnotherNodeAlreadyStoredTheSuccessor_usesTheirPair() {
        BoxTokenProvider provider = expiredProvider();
        StoredTokens[] theirs = new StoredTokens[1];
        // Another node that did not see our lease (it lapsed, or clocks disagree) spends RT-secret-1 first.
        h.box.thenRefresh(meanwhile(() -> {
            StoredTokens ours = h.store.get(USER);
            assertThat(h.box.refreshAsAnotherNode("RT-secret-1")).isEqualTo(200);
            theirs[0] = new StoredTokens("AT-secret-2", h.clock.instant().plusSeconds(3600), "RT-secret-2");
            assertThat(h.store.compareAndSet(USER, ours, theirs[0])).isTrue();
        }));

        assertThat(provider.accessToken()).isEqualTo("AT-secret-2");

        assertThat(h.box.reuses).hasValue(1);
        assertThat(h.store.get(USER)).isEqualTo(theirs[0]);
    }

    @Test
    void invalidGrant_withTheSameTokenStillStored_endsTheSignIn_keepsTheEntry_andNeverResendsIt() {
        BoxTokenProvider provider = expiredProvider();
        h.box.revoke("RT-secret-1"); // the user removed the app from their Box account

        assertThatExceptionOfType(NotSignedInException.class).isThrownBy(provider::accessToken)
                .withCauseInstanceOf(BoxTokenException.class)
                .satisfies(e -> assertThat(e.boxUserId()).isEqualTo(USER));
        StoredTokens kept = h.store.get(USER);
        assertThat(kept.refreshToken()).isEqualTo("RT-secret-1");
        assertThat(kept.refreshLease()).as("lease released").isNull();

        assertThatExceptionOfType(NotSignedInException.class).isThrownBy(provider::accessToken);
        assertThat(h.box.refreshTokensSent()).containsExactly("RT-secret-1");
    }

    @Test
    void afterTheSignInEnded_aNewSignInOnAnotherNodeIsPickedUp() {
        BoxTokenProvider provider = expiredProvider();
        h.box.revoke("RT-secret-1");
        assertThatExceptionOfType(NotSignedInException.class).isThrownBy(provider::accessToken);

        StoredTokens fresh = h.storedPair(USER);

        assertThat(provider.accessToken()).isEqualTo(fresh.accessToken());
    }

    @Test
    void timeoutBeforeBoxSawTheRequest_resendsTheSameRefreshTokenAfterCheckingTheStore() {
        BoxTokenProvider provider = expiredProvider();
        h.box.thenRefresh(timeoutBeforeProcessing());

        assertThat(provider.accessToken()).isEqualTo("AT-secret-2");

        assertThat(h.box.refreshTokensSent()).containsExactly("RT-secret-1", "RT-secret-1");
        assertThat(h.box.reuses).hasValue(0);
        assertThat(h.sleeps).hasSize(1);
        assertThat(h.sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(h.store.get(USER).refreshToken()).isEqualTo("RT-secret-2");
    }

    @Test
    void timeoutAfterBoxRotated_theResendIsRefused_andTheUserMustSignInAgain() {
        // The documented unavoidable case: the new pair was lost with the response.
        BoxTokenProvider provider = expiredProvider();
        h.box.thenRefresh(timeoutAfterProcessing());

        assertThatExceptionOfType(NotSignedInException.class).isThrownBy(provider::accessToken);

        assertThat(h.box.refreshTokensSent()).containsExactly("RT-secret-1", "RT-secret-1");
        assertThat(h.box.reuses).hasValue(1);
    }

    @Test
    void timeoutAndMeanwhileAnotherNodeStoredANewPair_usesItWithoutResending() {
        h.storedPair(USER);
        OAuthClient waiting = h.node(b -> b, d -> {
            // While this node backs off, another one took over and stored its pair.
            StoredTokens leased = h.store.get(USER);
            h.store.compareAndSet(USER, leased, new StoredTokens("AT-secret-theirs", h.clock.instant().plusSeconds(3600),
                    "RT-secret-theirs"));
        });
        BoxTokenProvider provider = waiting.forUser(USER);
        provider.accessToken();
        h.clock.advance(PAST_EXPIRY);
        h.box.thenRefresh(timeoutBeforeProcessing());

        assertThat(provider.accessToken()).isEqualTo("AT-secret-theirs");

        assertThat(h.box.refreshTokensSent()).containsExactly("RT-secret-1");
    }

    @Test
    void serverErrors_areRetriedTwice_thenReportedRetryable_andTheLeaseIsReleased() {
        BoxTokenProvider provider = expiredProvider();
        h.box.thenRefresh(status(503, "unavailable"));
        h.box.thenRefresh(status(502, "bad_gateway"));
        h.box.thenRefresh(status(500, "internal"));

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(provider::accessToken)
                .isNotInstanceOf(NotSignedInException.class)
                .satisfies(e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(500);
                });
        assertThat(h.box.refreshRequests).hasValue(3);
        assertThat(h.store.get(USER).refreshLease()).isNull();
        assertThat(provider.accessToken()).as("the next call refreshes normally").isEqualTo("AT-secret-2");
    }

    @Test
    void wrongClientSecret_isAConfigurationErrorNotASignOut() {
        h.storedPair(USER);
        OAuthClient misconfigured = h.node(b -> b.clientSecret("not-the-secret"), d -> { });
        BoxTokenProvider provider = misconfigured.forUser(USER);
        provider.accessToken();
        h.clock.advance(PAST_EXPIRY);

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(provider::accessToken)
                .isNotInstanceOf(NotSignedInException.class)
                .satisfies(e -> assertThat(e.error()).contains("invalid_client"));
        assertThat(h.box.tokenForms).hasSize(1);
        assertThat(h.store.get(USER).refreshLease()).isNull();
    }

    @Test
    void aStoreThatHandsBackASpentRefreshToken_isNotTrustedWithIt() {
        BoxTokenProvider provider = expiredProvider();
        StoredTokens old = h.store.get(USER);
        provider.accessToken();
        h.store.put(USER, old); // a lagging replica serves the old pair again
        h.clock.advance(PAST_EXPIRY);

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(provider::accessToken)
                .satisfies(e -> assertThat(e.getMessage()).contains("already spent").contains("strongly consistent"));
        assertThat(h.box.refreshTokensSent()).containsExactly("RT-secret-1");
    }

    @Test
    void signedOutElsewhereWhileRefreshing_revokesTheNewPairAndEndsTheSignIn() {
        BoxTokenProvider provider = expiredProvider();
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        h.box.thenRefresh(holdAfterProcessing(arrived, release));

        CompletableFuture<String> call = CompletableFuture.supplyAsync(provider::accessToken);
        await(arrived);
        h.store.remove(USER); // another node signed the user out
        release.countDown();

        assertThat(call).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(NotSignedInException.class);
        assertThat(h.store.get(USER)).isNull();
        assertThat(h.box.revokeForms).singleElement().satisfies(f -> assertThat(f.get("token")).isEqualTo("RT-secret-2"));
        assertThat(h.box.isLive("AT-secret-2")).isFalse();
    }

    @Test
    void aRefreshThatHangs_freesItsCallersAtTheTotalTimeoutPlusASecond_andTheNextCallWaitsNoLonger() {
        OAuthClient bounded = h.node(b -> b.totalTimeout(Duration.ofMillis(200)).executor(
                command -> new Thread(command, "test-refresh").start()), d -> { });
        h.storedPair(USER);
        BoxTokenProvider provider = bounded.forUser(USER);
        provider.accessToken();
        h.clock.advance(PAST_EXPIRY);
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        h.box.thenRefresh(holdBeforeProcessing(arrived, release));
        try {
            assertThatExceptionOfType(BoxTokenException.class).isThrownBy(provider::accessToken)
                    .satisfies(e -> {
                        assertThat(e.isRetryable()).isTrue();
                        assertThat(e.getMessage()).contains("did not finish within maxWait (PT1.2S)");
                    });
            assertThat(arrived.getCount()).isZero();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSlowRefreshWhoseLeaseWasTakenOver_stillStoresItsPairAsTheSuccessor() {
        BoxTokenProvider provider = expiredProvider();
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        h.box.thenRefresh(holdBeforeProcessing(arrived, release));

        CompletableFuture<String> call = CompletableFuture.supplyAsync(provider::accessToken);
        await(arrived);
        StoredTokens leased = h.store.get(USER);
        // Another node saw the lease lapse and took it over; it has not sent anything yet.
        assertThat(h.store.compareAndSet(USER, leased, leased.withRefreshLease(
                new RefreshLease("other-node", h.clock.instant().plusSeconds(40))))).isTrue();
        release.countDown();

        assertThat(call).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("AT-secret-2");
        assertThat(h.store.get(USER)).isEqualTo(new StoredTokens("AT-secret-2", h.clock.instant().plusSeconds(3600),
                "RT-secret-2"));
    }

    @Test
    void whileAnotherNodeHoldsTheLease_itsCurrentTokenIsServedWhileItLasts() {
        StoredTokens pair = h.storedPair(USER);
        h.clock.advance(Duration.ofMinutes(58)); // due for refresh, 2 minutes left
        h.store.put(USER, pair.withRefreshLease(new RefreshLease("other-node", h.clock.instant().plusSeconds(40))));

        assertThat(node.forUser(USER).accessToken()).isEqualTo(pair.accessToken());

        assertThat(h.box.tokenForms).isEmpty();
    }

    @Test
    void whileAnotherNodeHoldsTheLeaseAndTheTokenExpired_waitsForItsPair() {
        StoredTokens pair = h.storedPair(USER);
        h.clock.advance(PAST_EXPIRY);
        StoredTokens leased = pair.withRefreshLease(new RefreshLease("other-node", h.clock.instant().plusSeconds(40)));
        h.store.put(USER, leased);
        StoredTokens theirs = new StoredTokens("AT-secret-theirs", h.clock.instant().plusSeconds(3600), "RT-secret-theirs");
        int[] polls = new int[1];
        OAuthClient waiting = h.node(b -> b, d -> {
            if (++polls[0] == 3) {
                h.store.compareAndSet(USER, leased, theirs); // the other node finishes
            }
        });

        assertThat(waiting.forUser(USER).accessToken()).isEqualTo("AT-secret-theirs");

        assertThat(polls[0]).isEqualTo(3);
        assertThat(h.sleeps).containsOnly(UserTokens.POLL_INTERVAL);
        assertThat(h.box.tokenForms).isEmpty();
    }

    @Test
    void aLapsedLeaseOfAnotherNode_isTakenOver() {
        StoredTokens pair = h.storedPair(USER);
        h.clock.advance(PAST_EXPIRY);
        h.store.put(USER, pair.withRefreshLease(new RefreshLease("dead-node", h.clock.instant().minusSeconds(1))));

        assertThat(node.forUser(USER).accessToken()).isEqualTo("AT-secret-2");

        assertThat(h.box.refreshTokensSent()).containsExactly("RT-secret-1");
        assertThat(h.store.get(USER).refreshLease()).isNull();
    }

    @Test
    void theLeaseIsHeldInTheStoreWhileTheRefreshIsInFlight() {
        BoxTokenProvider provider = expiredProvider();
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        h.box.thenRefresh(holdBeforeProcessing(arrived, release));

        CompletableFuture<String> call = CompletableFuture.supplyAsync(provider::accessToken);
        await(arrived);
        RefreshLease lease = h.store.get(USER).refreshLease();
        release.countDown();

        assertThat(lease).isNotNull();
        assertThat(lease.until()).isEqualTo(h.clock.instant().plus(Duration.ofSeconds(10 + 30 + 5)));
        assertThat(call).succeedsWithin(Duration.ofSeconds(5));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
