package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Counts by grant type and by user, which tests of caching and single-flight refreshes assert on. */
class GrantCountersTest extends EmulatorWithApp {

    private HttpResponse<String> ccgRequest(CcgApp ccg, String subjectType, String subjectId) {
        return client.postToken("grant_type", "client_credentials", "client_id", ccg.clientId(),
                "client_secret", ccg.clientSecret(), "box_subject_type", subjectType, "box_subject_id", subjectId);
    }

    @Test
    void tokenRequestsByGrantType_countEveryOutcome_includingScriptedFailures() {
        CcgApp ccg = box.createCcgApp();
        ccgRequest(ccg, "enterprise", ccg.enterpriseId());
        ccgRequest(ccg, "enterprise", "0");
        box.rateLimitNextTokenRequests(1, "1");
        ccgRequest(ccg, "enterprise", ccg.enterpriseId());
        client.postToken("grant_type", "password");

        assertThat(box.tokenRequests("client_credentials")).isEqualTo(3);
        assertThat(box.tokenRequests("password")).isEqualTo(1);
        assertThat(box.tokenRequests("authorization_code")).isZero();
        assertThat(box.tokenRequests()).isEqualTo(4);
        assertThat(box.errors()).isEqualTo(Map.of("ccg_subject", 1, "rate_limited", 1, "unsupported_grant_type", 1));
    }

    @Test
    void tokenRequestsFor_countsTokensPerUser_underConcurrency() throws Exception {
        CcgApp ccg = box.createCcgApp();
        BoxUser ada = ccg.createUser("Ada");
        BoxUser bob = ccg.createUser("Bob");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                BoxUser user = i % 4 == 0 ? bob : ada;
                results.add(threads.submit(() -> {
                    start.await();
                    return ccgRequest(ccg, "user", user.id());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> result : results) {
                assertThat(result.get().statusCode()).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(box.tokenRequestsFor(ada.id())).isEqualTo(6);
        assertThat(box.tokenRequestsFor(bob.id())).isEqualTo(2);
        assertThat(box.tokenRequestsFor(ccg.serviceAccount().id())).isZero();
    }

    @Test
    void issuedAccessTokens_areInTheOrderIssued() {
        CcgApp ccg = box.createCcgApp();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(TokenClient.accessToken(ccgRequest(ccg, "enterprise", ccg.enterpriseId())));
        }

        assertThat(box.issuedAccessTokens()).containsExactlyElementsOf(tokens);
    }

    @Test
    void resetCounters_clearsTheNewCountersToo() {
        CcgApp ccg = box.createCcgApp();
        ccg.performActionsAsUsers(true);
        BoxUser ada = ccg.createUser("Ada");
        String token = TokenClient.accessToken(ccgRequest(ccg, "enterprise", ccg.enterpriseId()));
        client.usersMe(token, ada.id());
        client.postForm(box.tokenUrl(), TokenClient.form("grant_type", "client_credentials"), "As-User", ada.id());

        box.resetCounters();

        assertThat(box.tokenRequests("client_credentials")).isZero();
        assertThat(box.tokenRequestsFor(ccg.serviceAccount().id())).isZero();
        assertThat(box.tokenRequestsWithAsUser()).isZero();
        assertThat(box.asUserRequests()).isZero();
        assertThat(box.lastAsUser()).isNull();
        assertThat(box.tokenExchanges()).isZero();
        assertThat(box.refreshTokenReuse()).isZero();
        assertThat(box.revocations()).isZero();
        assertThat(box.errors()).isEmpty();
    }
}
