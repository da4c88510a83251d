package dev.boxauth.internal;

import static dev.boxauth.internal.TestProviders.CLIENT_SECRET;
import static dev.boxauth.internal.TestProviders.build;
import static dev.boxauth.internal.TestProviders.ccg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxConfigException;
import dev.boxauth.BoxTokenException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.ConfigProblem;
import dev.boxauth.internal.config.AuthMethod;
import dev.boxauth.internal.config.Subject;
import dev.boxauth.testing.MutableClock;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderStatusTest {

    private final FakeBox box = new FakeBox();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void status_ofAProviderWithAToken_namesMethodAndSubject_andHowLongTheTokenLives() {
        try (BoxTokenProvider provider = build(box, ccg(), clock, null)) {
            provider.accessToken();
            clock.advance(Duration.ofMinutes(10));

            assertThat(ProviderStatus.of(provider)).isEqualTo(new ProviderStatus(AuthMethod.CCG,
                    Subject.enterprise("1000"), true, Duration.ofMinutes(50), null, List.of()));
        }
    }

    @Test
    void status_ofAProviderBeforeItsFirstToken_holdsNothing_andAsksBoxForNothing() {
        try (BoxTokenProvider provider = build(box, ccg(), clock, null)) {
            assertThat(ProviderStatus.of(provider)).isEqualTo(new ProviderStatus(AuthMethod.CCG,
                    Subject.enterprise("1000"), false, null, null, List.of()));
            assertThat(box.tokenForms).isEmpty();
        }
    }

    @Test
    void status_afterBoxRefused_givesBoxsErrorCode_neverTheMessage() {
        box.then(FakeBox.CCG, () -> FakeBox.error(400, "unauthorized_client", "This app is not authorized"));
        try (BoxTokenProvider provider = build(box, ccg(), clock, null)) {
            assertThatThrownBy(provider::accessToken).isInstanceOf(BoxTokenException.class);

            ProviderStatus status = ProviderStatus.of(provider);
            assertThat(status.tokenUsable()).isFalse();
            assertThat(status.lastError()).isEqualTo("unauthorized_client");
        }
    }

    @Test
    void status_ofAPerUserProvider_namesItsUser() {
        try (BoxTokenProvider provider = build(box, ccg(), clock, null)) {
            assertThat(ProviderStatus.of(provider.forUser("42")).subject()).isEqualTo(Subject.user("42"));
        }
    }

    @Test
    void status_ofADeveloperToken_hasNoSubjectAndNoKnownExpiry() {
        try (BoxTokenProvider provider = build(box, Map.of("box.auth.developer-token", "dev-token-never-shown"),
                clock, null)) {
            provider.accessToken();

            ProviderStatus status = ProviderStatus.of(provider);
            assertThat(status.method()).isEqualTo(AuthMethod.DEVELOPER_TOKEN);
            assertThat(status.subject()).isNull();
            assertThat(status.tokenUsable()).isTrue();
            assertThat(status.untilExpiry()).isNull();
        }
    }

    @Test
    void errorCode_isBoxsCode_elseTheHttpStatus_elseTheMessageIds_elseTheCausesClass() {
        assertThat(ProviderStatus.errorCode(refused("invalid_grant", 400))).isEqualTo("invalid_grant");
        assertThat(ProviderStatus.errorCode(refused(null, 503))).isEqualTo("http_503");
        assertThat(ProviderStatus.errorCode(new BoxConfigException(List.of(
                new ConfigProblem("BOXAUTH-028", "box.auth.client-secret", "the alias is missing"),
                new ConfigProblem("BOXAUTH-006", "box.auth.jwt.private-key", "unreadable")))))
                .isEqualTo("BOXAUTH-028 BOXAUTH-006");
        assertThat(ProviderStatus.errorCode(new BoxTokenException("Cannot reach Box", null, null, 0, true,
                new ConnectException("Connection refused")))).isEqualTo("ConnectException");
        assertThat(ProviderStatus.errorCode(new BoxAuthException("interrupted"))).isEqualTo("BoxAuthException");
        assertThat(ProviderStatus.errorCode(null)).isNull();
    }

    /** A token-url that points at something other than Box might answer with the form it was sent. */
    @Test
    void errorCode_ofAnErrorNotInBoxsFormat_isTheHttpStatus_soNoEchoedSecretGetsThrough() {
        assertThat(ProviderStatus.errorCode(refused("client_secret=" + CLIENT_SECRET, 400))).isEqualTo("http_400");
    }

    private static BoxTokenException refused(String error, int status) {
        return new BoxTokenException("Box did not issue a token", error, "described", status, false, null);
    }
}
