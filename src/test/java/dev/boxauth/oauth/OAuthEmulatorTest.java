package dev.boxauth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.Downscope;
import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.Browser;
import dev.boxauth.emulator.OAuthApp;
import dev.boxauth.internal.config.StoreSettings;
import dev.boxauth.internal.store.ClusterStore;
import dev.boxauth.testing.HazelcastMember;
import dev.boxauth.testing.MutableClock;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth 2.0 against the emulator, whose refresh tokens rotate and which counts any reuse: sign-in through
 * its consent page, then herds of callers at expiry, in one process and across two sharing a store.
 */
class OAuthEmulatorTest {

    private static final String REDIRECT = "http://localhost:9/callback";
    private static final AttributeKey<String> CLIENT_ID = AttributeKey.stringKey("boxauth.client_id");
    private static final AttributeKey<String> GRANT = AttributeKey.stringKey("boxauth.grant");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("boxauth.outcome");

    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<BoxOAuth> clients = new ArrayList<>();
    private BoxEmulator box;
    private Browser browser;
    private OAuthApp app;

    @BeforeEach
    void start() {
        box = BoxEmulator.start();
        browser = new Browser(box, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
        app = box.createOAuthApp(REDIRECT);
        app.signInAs(app.createUser("Ada Lovelace"));
    }

    @AfterEach
    void stop() {
        clients.forEach(BoxOAuth::close);
        box.close();
    }

    private BoxOAuth client(BoxTokenStore store) {
        return client(config(), store);
    }

    private BoxOAuth client(BoxOAuthConfig.Builder config, BoxTokenStore store) {
        BoxOAuth oauth = BoxOAuth.create(config.build(), store);
        clients.add(oauth);
        return oauth;
    }

    private BoxOAuthConfig.Builder config() {
        return BoxOAuthConfig.builder().clientId(app.clientId())
                .clientSecret(app.clientSecret()).redirectUri(REDIRECT).authorizeUrl(box.authorizeUrl())
                .tokenUrl(box.tokenUrl()).apiUrl(box.apiUrl()).revokeUrl(box.revokeUrl()).clock(clock);
    }

    /** The browser's part: the consent page, "Grant access", and Box's redirect back with code and state. */
    private SignedIn signIn(BoxOAuth oauth) {
        Map<String, String> callback = Browser.query(browser.grant(oauth.startSignIn().authorizeUrl()));
        return oauth.completeSignIn(callback.get("code"), callback.get("state"));
    }

    private static Set<String> herd(int callers, List<BoxTokenProvider> providers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                BoxTokenProvider provider = providers.get(i % providers.size());
                tokens.add(pool.submit((Callable<String>) () -> {
                    go.await();
                    return provider.accessToken();
                }));
            }
            go.countDown();
            Set<String> seen = new HashSet<>();
            for (Future<String> token : tokens) {
                seen.add(token.get());
            }
            return seen;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sixtyFourCallersAtExpiry_makeOneRefresh_andNeverReuseARefreshToken() throws Exception {
        BoxOAuth oauth = client(new InMemoryBoxTokenStore());
        SignedIn ada = signIn(oauth);
        assertThat(ada.name()).isEqualTo("Ada Lovelace");
        BoxTokenProvider provider = oauth.forUser(ada.boxUserId());
        String first = provider.accessToken();

        clock.advance(Duration.ofHours(2));
        Set<String> tokens = herd(64, List.of(provider));

        assertThat(tokens).hasSize(1).doesNotContain(first);
        assertThat(box.tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(box.refreshTokenReuse()).isZero();
    }

    @Test
    void withOpenTelemetry_theSignInAndARefresh_areCountedByGrant_andNoUserNorTokenIsInTheMetrics() throws Exception {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        try (OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build()) {
            BoxOAuth oauth = client(config().openTelemetry(openTelemetry), new InMemoryBoxTokenStore());
            SignedIn ada = signIn(oauth);
            BoxTokenProvider provider = oauth.forUser(ada.boxUserId());
            provider.accessToken();
            clock.advance(Duration.ofHours(2));
            provider.accessToken();

            Collection<MetricData> metrics = reader.collectAllMetrics();
            MetricData requests = metrics.stream().filter(m -> m.getName().equals("boxauth.token.requests"))
                    .findFirst().orElseThrow();
            assertThat(requests.getLongSumData().getPoints()).extracting(PointData::getAttributes, LongPointData::getValue)
                    .containsExactlyInAnyOrder(
                            tuple(Attributes.of(CLIENT_ID, app.clientId(), GRANT, "authorization_code", OUTCOME,
                                    "success"), 1L),
                            tuple(Attributes.of(CLIENT_ID, app.clientId(), GRANT, "refresh_token", OUTCOME,
                                    "success"), 1L));
            String everything = metrics.stream().flatMap(m -> Stream.concat(Stream.of(m.toString()),
                    m.getData().getPoints().stream().map(Object::toString))).collect(Collectors.joining("\n"));
            assertThat(everything).doesNotContain(ada.boxUserId()).doesNotContain(ada.login())
                    .doesNotContain(app.clientSecret());
            assertThat(box.issuedAccessTokens()).hasSize(2).noneMatch(everything::contains);
            assertThat(box.issuedRefreshTokens()).hasSize(2).noneMatch(everything::contains);
        }
    }

    @Test
    void twoInstancesSharingAStore_refreshOnce_andNeverReuseARefreshToken() throws Exception {
        InMemoryBoxTokenStore shared = new InMemoryBoxTokenStore();

        assertTwoInstancesRefreshOnce(shared, shared);
    }

    @Test
    void twoInstancesSharingAJCacheStore_refreshOnce_andNeverReuseARefreshToken() throws Exception {
        StoreSettings settings = new StoreSettings("box-auth-tokens",
                List.of(new StoreSettings.StoreKey("k1", new SecretKeySpec(new byte[32], "AES"))), Duration.ofSeconds(2));
        try (HazelcastMember member = HazelcastMember.start("box-auth-oauth-emulator-test");
                ClusterStore store1 = ClusterStore.open(settings, member.newCache("box-auth-tokens"));
                ClusterStore store2 = ClusterStore.open(settings, member.cacheOf("box-auth-tokens"))) {
            assertTwoInstancesRefreshOnce(store1.tokens(app.clientId()), store2.tokens(app.clientId()));
        }
    }

    /** Ada signs in on the first; 64 callers at expiry, half on each, make one refresh and spend no token twice. */
    private void assertTwoInstancesRefreshOnce(BoxTokenStore first, BoxTokenStore second) throws Exception {
        BoxOAuth node1 = client(first);
        BoxOAuth node2 = client(second);
        SignedIn ada = signIn(node1);

        clock.advance(Duration.ofHours(2));
        Set<String> tokens = herd(64, List.of(node1.forUser(ada.boxUserId()), node2.forUser(ada.boxUserId())));

        assertThat(tokens).hasSize(1);
        assertThat(box.tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(box.refreshTokenReuse()).isZero();
    }

    @Test
    void aSignedInUsersToken_canBeDownscoped_oncePerParameterSet() throws Exception {
        BoxOAuth oauth = client(new InMemoryBoxTokenStore());
        BoxTokenProvider provider = oauth.forUser(signIn(oauth).boxUserId());

        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(provider.downscope(Downscope.to("item_preview")).value());
        }

        assertThat(tokens).hasSize(1).doesNotContain(provider.accessToken());
        assertThat(box.tokenExchanges()).isEqualTo(1);
    }
}
