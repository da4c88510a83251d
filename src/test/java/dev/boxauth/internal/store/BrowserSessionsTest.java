package dev.boxauth.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.internal.oauth.BrowserSessions;
import dev.boxauth.internal.oauth.LocalBrowserSessions;
import dev.boxauth.testing.HazelcastMember;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.cache.Cache;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Browser sessions, in one instance's memory and in a cluster's JCache cache: the same contract. */
class BrowserSessionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration LIFETIME = Duration.ofHours(12);

    private static HazelcastMember member;
    private static StoreCalls calls;

    @BeforeAll
    static void startMember() {
        member = HazelcastMember.start("box-auth-browser-sessions-test");
        calls = new StoreCalls(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopMember() {
        calls.close();
        member.close();
    }

    static Stream<Arguments> kinds() {
        Supplier<BrowserSessions> local = () -> new LocalBrowserSessions(IDLE, LIFETIME, 1000, new SecureRandom());
        Supplier<BrowserSessions> shared = () -> JCacheBrowserSessions.beside(
                member.newCache("tokens-" + System.nanoTime()), IDLE, LIFETIME, calls);
        return Stream.of(Arguments.of("local", local), Arguments.of("jcache", shared));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aSession_namesItsUser_untilItEnds_andNoOtherSessionEndsWithIt(String kind, Supplier<BrowserSessions> make) {
        BrowserSessions sessions = make.get();
        String ada = sessions.start("20001", NOW);
        String adaElsewhere = sessions.start("20001", NOW);
        String grace = sessions.start("20002", NOW);

        assertThat(ada).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(adaElsewhere);
        assertThat(sessions.user(ada, NOW)).isEqualTo("20001");
        assertThat(sessions.user("forged", NOW)).isNull();
        assertThat(sessions.user(null, NOW)).isNull();

        sessions.end(ada);

        assertThat(sessions.user(ada, NOW)).isNull();
        assertThat(sessions.user(adaElsewhere, NOW)).isEqualTo("20001");
        assertThat(sessions.user(grace, NOW)).isEqualTo("20002");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void endAll_endsEveryBrowsersSessionOfThatUser_butNotTheirNextSignIn(String kind, Supplier<BrowserSessions> make) {
        BrowserSessions sessions = make.get();
        String one = sessions.start("20001", NOW);
        String two = sessions.start("20001", NOW.plusSeconds(5));
        String grace = sessions.start("20002", NOW);

        sessions.endAll("20001", NOW.plusSeconds(10));
        String again = sessions.start("20001", NOW.plusSeconds(11));

        assertThat(sessions.user(one, NOW.plusSeconds(12))).isNull();
        assertThat(sessions.user(two, NOW.plusSeconds(12))).isNull();
        assertThat(sessions.user(again, NOW.plusSeconds(12))).isEqualTo("20001");
        assertThat(sessions.user(grace, NOW.plusSeconds(12))).isEqualTo("20002");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aSessionInUse_endsAtItsLifetimeAllTheSame(String kind, Supplier<BrowserSessions> make) {
        BrowserSessions sessions = make.get();
        String session = sessions.start("20001", NOW);

        for (Instant t = NOW; t.isBefore(NOW.plus(LIFETIME)); t = t.plus(Duration.ofMinutes(20))) {
            assertThat(sessions.user(session, t)).isEqualTo("20001");
        }
        assertThat(sessions.user(session, NOW.plus(LIFETIME))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anIdleSession_ends(String kind, Supplier<BrowserSessions> make) {
        BrowserSessions sessions = make.get();
        if (sessions instanceof JCacheBrowserSessions) {
            // The cache's own expiry policy ends idle entries, on the cache's clock.
            Cache<Object, Object> cache = member.cacheOf(sessions.toString().replaceAll(".*\\[(.*)\\]", "$1"));
            @SuppressWarnings("unchecked")
            CompleteConfiguration<Object, Object> configuration = cache.getConfiguration(CompleteConfiguration.class);
            ExpiryPolicy policy = configuration.getExpiryPolicyFactory().create();
            assertThat(policy).isInstanceOf(AccessedExpiryPolicy.class);
            assertThat(policy.getExpiryForAccess().getDurationAmount()).isEqualTo(IDLE.toMillis());
            return;
        }
        String session = sessions.start("20001", NOW);
        assertThat(sessions.user(session, NOW.plus(IDLE).minusSeconds(1))).isEqualTo("20001");
        assertThat(sessions.user(session, NOW.plus(IDLE).plus(IDLE))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theSessionIdNeverAppearsInTheCache(String kind, Supplier<BrowserSessions> make) {
        BrowserSessions sessions = make.get();
        String session = sessions.start("20001", NOW);
        if (sessions instanceof JCacheBrowserSessions) {
            Cache<Object, Object> cache = member.cacheOf(sessions.toString().replaceAll(".*\\[(.*)\\]", "$1"));
            List<String> raw = new ArrayList<>();
            cache.forEach(entry -> raw.add(entry.getKey() + "=" + entry.getValue()));
            assertThat(raw).isNotEmpty().allSatisfy(entry -> assertThat(entry).doesNotContain(session));
        }
        assertThat(sessions.toString()).doesNotContain(session);
    }
}
