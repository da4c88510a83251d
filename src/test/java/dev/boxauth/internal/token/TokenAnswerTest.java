package dev.boxauth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boxauth.BoxTokenException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenAnswerTest {

    private static final Instant SENT_AT = Instant.parse("2026-11-30T12:00:00Z");
    private static final String ENDPOINT = "https://api.box.com/oauth2/token";

    @Test
    void read_countsTheLifetimeFromWhenTheRequestLeft() {
        TokenResponse answer = read("{\"access_token\":\"T9abc\",\"expires_in\":4100,\"refresh_token\":\"R1\"}");

        assertThat(answer.accessToken().value()).isEqualTo("T9abc");
        assertThat(answer.accessToken().expiresAt()).isEqualTo(SENT_AT.plusSeconds(4100));
        assertThat(answer.refreshToken()).isEqualTo("R1");
    }

    @Test
    void read_keepsAFractionalLifetimeToTheMillisecond() {
        assertThat(read("{\"access_token\":\"t\",\"expires_in\":3599.5}").accessToken().expiresAt())
                .isEqualTo(SENT_AT.plusMillis(3_599_500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e30", "99999999999999999999", "9e12", "86401", "\"99999999999999999999\""})
    void read_capsAHugeLifetimeAtADay(String expiresIn) {
        TokenResponse answer = read("{\"access_token\":\"t\",\"expires_in\":" + expiresIn + "}");

        assertThat(answer.accessToken().expiresAt()).isEqualTo(SENT_AT.plus(TokenAnswer.MAX_LIFETIME));
        assertThat(TokenAnswer.MAX_LIFETIME).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void read_assumesAShortLifetimeWhenBoxLeavesExpiresInOut() {
        assertThat(read("{\"access_token\":\"t\"}").accessToken().expiresAt())
                .isEqualTo(SENT_AT.plus(TokenAnswer.ASSUMED_LIFETIME));
        assertThat(TokenAnswer.ASSUMED_LIFETIME).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "-1e30", "\"soon\"", "true", "{}", "[]"})
    void read_refusesALifetimeThatIsNotAPositiveNumberOfSeconds(String expiresIn) {
        assertRefused("{\"access_token\":\"t\",\"expires_in\":" + expiresIn + "}", "expires_in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"tok\\r\\nX-Evil: 1\"", "\"tok en\"", "\"tök\"", "42", "null"})
    void read_refusesAnAccessTokenThatIsNotABearerToken(String accessToken) {
        assertRefused("{\"access_token\":" + accessToken + ",\"expires_in\":3600}", "access_token");
    }

    @Test
    void read_neverShowsARefusedTokenInTheMessage() {
        assertThatThrownBy(() -> read("{\"access_token\":\"SECRET-VALUE\\nX\",\"expires_in\":3600}"))
                .isInstanceOf(BoxTokenException.class)
                .hasMessageNotContaining("SECRET-VALUE");
    }

    @Test
    void read_refusesARefreshTokenWithCharactersNoTokenHas() {
        assertRefused("{\"access_token\":\"t\",\"expires_in\":3600,\"refresh_token\":\"r\\r\\n\"}", "refresh_token");
        assertRefused("{\"access_token\":\"t\",\"expires_in\":3600,\"refresh_token\":\"\"}", "refresh_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>proxy login</html>", "{\"access_token\":\"t\",\"expi", "[1,2]", "\"t\""})
    void read_refusesABodyThatIsNotAJsonObject_namingTheEndpoint(String body) {
        assertRefused(body, "not a JSON object");
    }

    private static TokenResponse read(String body) {
        return TokenAnswer.read(body, "client id abc (enterprise 1)", ENDPOINT, SENT_AT);
    }

    private static void assertRefused(String body, String saying) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(BoxTokenException.class, e -> {
            assertThat(e.getMessage()).contains("HTTP 200").contains(saying).contains(ENDPOINT)
                    .contains("client id abc");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.httpStatus()).isEqualTo(200);
        });
    }
}
