package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Time as the emulator sees it: the {@code exp} window of assertions, token expiry and the
 * {@code Date} field all follow the emulator's clock, which tests move with {@code clockOffset}
 * instead of sleeping.
 */
class EmulatorClockTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A whole second, so the exp window's edges are exact. */
    private static final Instant T = Instant.parse("2031-05-06T07:08:09Z");

    private BoxEmulator box;

    @AfterEach
    void stop() {
        box.close();
    }

    private JwtApp startOnFixedClock() {
        box = BoxEmulator.start(Clock.fixed(T, ZoneOffset.UTC));
        return register();
    }

    private JwtApp startOnSystemClock() {
        box = BoxEmulator.start();
        return register();
    }

    private JwtApp register() {
        return box.registerJwtApp("clientid0000000000000000000000001", "secret-1", "111222333", "kid00001",
                TestKeys.APP.getPublic());
    }

    private int statusForExp(JwtApp app, long exp) {
        TestAssertion assertion = TestAssertion.enterprise(app, T).claim("exp", exp);
        return new TokenClient(box, HTTP).requestToken(app, assertion).statusCode();
    }

    @Test
    void expEqualToNow_isRejected_andOneSecondLater_isAccepted() {
        JwtApp app = startOnFixedClock();

        assertThat(statusForExp(app, T.getEpochSecond())).isEqualTo(400);
        assertThat(statusForExp(app, T.getEpochSecond() + 1)).isEqualTo(200);
    }

    @Test
    void expSixtySecondsAhead_isAccepted_andSixtyOne_isRejected() {
        JwtApp app = startOnFixedClock();

        assertThat(statusForExp(app, T.getEpochSecond() + 60)).isEqualTo(200);
        assertThat(statusForExp(app, T.getEpochSecond() + 61)).isEqualTo(400);
        assertThat(box.errors("exp")).isEqualTo(1);
    }

    @Test
    void clockOffset_movesTheExpWindow() {
        JwtApp app = startOnFixedClock();
        box.clockOffset(Duration.ofSeconds(100));

        assertThat(statusForExp(app, T.getEpochSecond() + 100)).isEqualTo(400);
        assertThat(statusForExp(app, T.getEpochSecond() + 101)).isEqualTo(200);
        assertThat(statusForExp(app, T.getEpochSecond() + 160)).isEqualTo(200);
        assertThat(statusForExp(app, T.getEpochSecond() + 161)).isEqualTo(400);
    }

    @Test
    void emulatorClockAhead_rejectsAClientsFreshAssertionAsExpired() {
        JwtApp app = startOnSystemClock();
        box.clockOffset(Duration.ofMinutes(5));

        HttpResponse<String> response = new TokenClient(box, HTTP)
                .requestToken(app, TestAssertion.enterprise(app, Instant.now()));

        assertThat(TokenClient.json(response)).containsEntry("error_description",
                "Current date time must be before the expiration date time listed in the 'exp' claim.");
    }

    @Test
    void emulatorClockBehind_rejectsAClientsFreshAssertionAsTooFarAhead() {
        JwtApp app = startOnSystemClock();
        box.clockOffset(Duration.ofMinutes(-5));

        HttpResponse<String> response = new TokenClient(box, HTTP)
                .requestToken(app, TestAssertion.enterprise(app, Instant.now()));

        assertThat(TokenClient.json(response)).containsEntry("error_description", "Please check the 'exp' claim."
                + " The 'exp' value exceeds the maximum value of 60 seconds beyond the issue time.");
    }

    @Test
    void assertionBuiltFromTheDateHeader_isAcceptedDespiteSkew() {
        JwtApp app = startOnSystemClock();
        box.clockOffset(Duration.ofMinutes(-7));
        TokenClient client = new TokenClient(box, HTTP);
        HttpResponse<String> rejected = client.requestToken(app, TestAssertion.enterprise(app, Instant.now()));

        Instant boxNow = dateHeader(rejected);

        assertThat(client.requestToken(app, TestAssertion.enterprise(app, boxNow)).statusCode()).isEqualTo(200);
    }

    @Test
    void dateHeader_showsTheEmulatorClockInImfFixdateForm() {
        startOnFixedClock();
        box.clockOffset(Duration.ofDays(-1).minusHours(2));

        HttpResponse<String> response = new TokenClient(box, HTTP).postRaw("");

        assertThat(response.headers().firstValue("Date")).hasValue("Mon, 05 May 2031 05:08:09 GMT");
    }

    @Test
    void dateHeader_followsClockOffsetOnTheSystemClock() {
        startOnSystemClock();
        box.clockOffset(Duration.ofHours(-3));

        Instant date = dateHeader(new TokenClient(box, HTTP).usersMe(null));

        assertThat(Duration.between(date, Instant.now().minus(Duration.ofHours(3))).abs())
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void token_isValidUntilItsLifetimeHasPassedOnTheEmulatorClock() {
        JwtApp app = startOnSystemClock();
        box.tokenLifetime(Duration.ofSeconds(10));
        TokenClient client = new TokenClient(box, HTTP);
        String token = client.token(app, TestAssertion.enterprise(app, Instant.now()));

        box.clockOffset(Duration.ofSeconds(8));
        assertThat(client.usersMe("Bearer " + token).statusCode()).isEqualTo(200);

        box.clockOffset(Duration.ofSeconds(11));
        assertThat(client.usersMe("Bearer " + token).statusCode()).isEqualTo(401);
        assertThat(box.apiUnauthorized()).isEqualTo(1);
    }

    private static Instant dateHeader(HttpResponse<String> response) {
        String date = response.headers().firstValue("Date").orElseThrow();
        return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
