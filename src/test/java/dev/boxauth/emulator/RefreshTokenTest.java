package dev.boxauth.emulator;

import static dev.boxauth.emulator.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Refresh tokens: single-use with rotation, 60 days of life, bound to their app. */
class RefreshTokenTest extends OAuthEmulatorTest {

    private static final String INVALID = "Invalid refresh token";

    @Test
    void everyRefresh_rotatesTheRefreshToken_andTheNewOneWorks() {
        String first = (String) signIn(app).get("refresh_token");
        String second = (String) TokenClient.ok(refresh(app, first)).get("refresh_token");
        String third = (String) TokenClient.ok(refresh(app, second)).get("refresh_token");

        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
        assertThat(box.refreshTokenReuse()).isZero();
        assertThat(box.errors()).isEmpty();
    }

    @Test
    void refreshedAccessToken_keepsTheGrantsScopes() {
        app.scopes("root_readwrite", "item_preview");
        String refreshToken = (String) signIn(app).get("refresh_token");
        String access = TokenClient.accessToken(refresh(app, refreshToken));

        HttpResponse<String> exchange = client.postToken("grant_type",
                "urn:ietf:params:oauth:grant-type:token-exchange", "subject_token", access,
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token", "scope", "item_upload");

        assertThat(exchange.statusCode()).isEqualTo(400);
        assertThat(TokenClient.json(exchange)).containsEntry("error", "invalid_scope");
    }

    @Test
    void twoConcurrentRefreshesWithOneToken_exactlyOneWins() throws Exception {
        String refreshToken = (String) signIn(app).get("refresh_token");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return refresh(app, refreshToken);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> result : results) {
                statuses.add(result.get().statusCode());
            }

            assertThat(statuses).containsExactlyInAnyOrder(200, 400);
            assertThat(box.refreshTokenReuse()).isEqualTo(1);
            assertThat(box.errors()).isEqualTo(Map.of("refresh_reuse", 1));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void refreshTokenUnusedForSixtyDays_hasExpired_andAtFiftyNineDaysWorks() {
        String late = (String) signIn(app).get("refresh_token");
        String inTime = (String) signIn(app).get("refresh_token");

        box.clockOffset(Duration.ofDays(59));
        TokenClient.ok(refresh(app, inTime));
        box.clockOffset(Duration.ofDays(60));

        assertRejected(box, refresh(app, late), "invalid_grant", INVALID, "refresh_expired");
    }

    @Test
    void unknownRefreshToken_isInvalid_andNotCountedAsReuse() {
        assertRejected(box, refresh(app, "made-up"), "invalid_grant", INVALID, "refresh_invalid");
        assertThat(box.refreshTokenReuse()).isZero();
    }

    @Test
    void refreshTokenOfAnotherApp_isInvalid_andStillWorksForItsOwn() {
        OAuthApp other = box.createOAuthApp(CALLBACK);
        String refreshToken = (String) signIn(app).get("refresh_token");

        assertRejected(box, refresh(other, refreshToken), "invalid_grant", INVALID, "refresh_invalid");
        assertThat(refresh(app, refreshToken).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongSecret_isInvalidClient_andDoesNotSpendTheToken() {
        String refreshToken = (String) signIn(app).get("refresh_token");

        HttpResponse<String> response = client.postToken("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", app.clientId(), "client_secret", "wrong");

        assertRejected(box, response, "invalid_client", "The client credentials are invalid.", "invalid_client");
        assertThat(refresh(app, refreshToken).statusCode()).isEqualTo(200);
    }

    @Test
    void accessTokenOfAnOAuthApp_expiresWithTheLifetime() {
        box.tokenLifetime(Duration.ofSeconds(60));
        Map<String, Object> pair = signIn(app);

        assertThat(pair).containsEntry("expires_in", 60L);
        box.clockOffset(Duration.ofSeconds(60));
        assertThat(client.usersMe("Bearer " + pair.get("access_token")).statusCode()).isEqualTo(401);
        assertThat(refresh(app, (String) pair.get("refresh_token")).statusCode()).isEqualTo(200);
    }
}
