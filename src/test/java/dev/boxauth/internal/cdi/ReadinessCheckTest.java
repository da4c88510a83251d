package dev.boxauth.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.BoxTokenException;
import dev.boxauth.ConfigProblem;
import dev.boxauth.internal.ProviderStatus;
import dev.boxauth.internal.config.AuthMethod;
import dev.boxauth.internal.config.Subject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

/** What /health/ready shows of one Box app, from the provider's status; no server, no Box. */
class ReadinessCheckTest {

    private static final Subject ENTERPRISE = Subject.enterprise("12345678");
    private static final ProviderStatus NO_TOKEN =
            new ProviderStatus(AuthMethod.JWT, ENTERPRISE, false, null, null, List.of());
    private static final ProviderStatus HELD =
            new ProviderStatus(AuthMethod.JWT, ENTERPRISE, true, Duration.ofSeconds(3540).plusMillis(900), null, List.of());

    /** The statuses the check reads, in order; the last one repeats. */
    private final Deque<ProviderStatus> statuses = new ArrayDeque<>();
    private int tokenRequests;
    private RuntimeException refusal;

    @Test
    void call_withATokenHeld_isUp_withAppMethodSubjectAndWholeSecondsUntilExpiry_andAsksForNoToken() {
        statuses.add(HELD);

        HealthCheckResponse response = check("").call();

        assertThat(response.getName()).isEqualTo("box-auth:default");
        assertThat(response.getStatus()).isEqualTo(Status.UP);
        assertThat(response.getData()).contains(Map.of("app", "default", "method", "jwt",
                "subject", "enterprise 12345678", "expiresInSeconds", 3540L));
        assertThat(tokenRequests).isZero();
    }

    @Test
    void call_withNoTokenHeld_asksForOne_andIsUpWithItsExpiry() {
        statuses.add(NO_TOKEN);
        statuses.add(HELD);

        HealthCheckResponse response = check("archive").call();

        assertThat(tokenRequests).isEqualTo(1);
        assertThat(response.getName()).isEqualTo("box-auth:archive");
        assertThat(response.getStatus()).isEqualTo(Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("app", "archive")
                .containsEntry("expiresInSeconds", 3540L).doesNotContainKey("lastError");
    }

    @Test
    void call_whenBoxRefusesTheToken_isDown_withBoxsErrorCodeAndNotItsMessage() {
        statuses.add(NO_TOKEN);
        statuses.add(new ProviderStatus(AuthMethod.JWT, ENTERPRISE, false, null, "unauthorized_client", List.of()));
        refusal = new BoxTokenException("Box did not issue a token for client abc: HTTP 400 unauthorized_client"
                + " (This app is not authorized by the enterprise admin)", "unauthorized_client",
                "This app is not authorized by the enterprise admin", 400, false, null);

        HealthCheckResponse response = check("").call();

        assertThat(response.getStatus()).isEqualTo(Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsOnlyKeys("app", "method", "subject", "lastError")
                .containsEntry("lastError", "unauthorized_client");
    }

    /** What the check reports is the failure of its own request, even when the status has not caught up. */
    @Test
    void call_whenTheTokenRequestFails_isDownWithThatFailure() {
        statuses.add(NO_TOKEN);
        refusal = new BoxTokenException("Box is down", null, null, 503, true, null);

        HealthCheckResponse response = check("").call();

        assertThat(response.getStatus()).isEqualTo(Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("lastError", "http_503");
    }

    /** The held token keeps the application working; a Box outage must not take every instance out of service. */
    @Test
    void call_afterAFailedBackgroundRefresh_whileTheTokenLasts_isUp_andShowsTheError() {
        statuses.add(new ProviderStatus(AuthMethod.CCG, ENTERPRISE, true, Duration.ofMinutes(4), "http_503", List.of()));

        HealthCheckResponse response = check("").call();

        assertThat(response.getStatus()).isEqualTo(Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("method", "ccg").containsEntry("lastError", "http_503")
                .containsEntry("expiresInSeconds", 240L);
        assertThat(tokenRequests).isZero();
    }

    @Test
    void call_forAnOAuthApp_isUp_withTheMethodOnly_sinceItsTokensAreItsUsers() {
        statuses.add(new ProviderStatus(AuthMethod.OAUTH, null, false, null, null, List.of()));

        HealthCheckResponse response = check("web").call();

        assertThat(response.getStatus()).isEqualTo(Status.UP);
        assertThat(response.getData().orElseThrow()).containsOnlyKeys("app", "method").containsEntry("method", "oauth");
        assertThat(tokenRequests).isZero();
    }

    @Test
    void call_forADeveloperToken_showsNoSubjectAndNoExpiry() {
        statuses.add(new ProviderStatus(AuthMethod.DEVELOPER_TOKEN, null, true, null, null, List.of()));

        assertThat(check("").call().getData().orElseThrow()).containsOnlyKeys("app", "method")
                .containsEntry("method", "developer-token");
    }

    /** Configuration rotation reports a new configuration it could not take up; the old one still works. */
    @Test
    void call_withAConfigurationProblem_showsItsIdsAndProperties_notItsMessages_andStaysUp() {
        statuses.add(new ProviderStatus(AuthMethod.JWT, ENTERPRISE, true, Duration.ofMinutes(30), null, List.of(
                new ConfigProblem("BOXAUTH-006", "box.auth.jwt.private-key", "cannot be read: secret detail"),
                new ConfigProblem("BOXAUTH-005", "box.auth.jwt.passphrase", "is wrong"))));

        HealthCheckResponse response = check("").call();

        assertThat(response.getStatus()).isEqualTo(Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("problem",
                "BOXAUTH-006 box.auth.jwt.private-key, BOXAUTH-005 box.auth.jwt.passphrase");
    }

    private ReadinessCheck check(String app) {
        return new ReadinessCheck(app, () -> statuses.size() > 1 ? statuses.poll() : statuses.peek(), () -> {
            tokenRequests++;
            if (refusal != null) {
                throw refusal;
            }
        });
    }
}
