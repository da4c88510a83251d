package dev.boxauth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.boxauth.BoxConfigException;
import dev.boxauth.ConfigProblem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxOAuthConfigTest {

    private static final String SECRET = "the-client-secret-value";

    private static BoxOAuthConfig.Builder valid() {
        return BoxOAuthConfig.builder().clientId("cid").clientSecret(SECRET).redirectUri("https://app.example.com/cb");
    }

    @Test
    void build_appliesBoxDefaults() {
        BoxOAuthConfig config = valid().build();

        assertThat(config.authorizeUrl()).isEqualTo(URI.create("https://account.box.com/api/oauth2/authorize"));
        assertThat(config.tokenUrl()).isEqualTo(URI.create("https://api.box.com/oauth2/token"));
        assertThat(config.apiUrl()).isEqualTo(URI.create("https://api.box.com/2.0"));
        assertThat(config.revokeUrl()).isEqualTo(URI.create("https://api.box.com/oauth2/revoke"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.refreshMargin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.signInTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.scopes()).isEmpty();
        assertThat(config.sslContext()).isEmpty();
        assertThat(config.proxy()).isEmpty();
        assertThat(config.executor()).isEmpty();
        assertThat(config.clientSecret()).isEqualTo(SECRET);
    }

    @Test
    void build_reportsEveryMissingRequiredSetting_byTheIdAndPropertyOfTheOneReader() {
        assertThatExceptionOfType(BoxConfigException.class)
                .isThrownBy(() -> BoxOAuthConfig.builder().build())
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::id, ConfigProblem::property)
                        .contains(tuple("BOXAUTH-006", "box.auth.oauth.redirect-uri")));
        assertThatExceptionOfType(BoxConfigException.class)
                .isThrownBy(() -> BoxOAuthConfig.builder().redirectUri("https://app.example.com/cb").build())
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::property)
                        .contains("box.auth.client-id"));
    }

    @Test
    void build_refusesPlainHttpOffLoopback_withoutShowingTheUrl() {
        assertThatExceptionOfType(BoxConfigException.class)
                .isThrownBy(() -> valid().tokenUrl("http://box.internal.example/token?key=hush").build())
                .satisfies(e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::id, ConfigProblem::property)
                            .containsExactly(tuple("BOXAUTH-017", "box.auth.token-url"));
                    assertThat(e.getMessage()).doesNotContain("hush");
                });
    }

    @Test
    void build_acceptsPlainHttpOnLoopback() {
        for (String host : List.of("localhost", "127.0.0.1", "[::1]")) {
            assertThat(valid().redirectUri("http://" + host + ":8080/cb").apiUrl("http://" + host + ":1/2.0").build()
                    .redirectUri().getScheme()).isEqualTo("http");
        }
    }

    @Test
    void build_refusesRelativeUrlsUserInfoAndFragments_asThePropertiesAre() {
        assertThatExceptionOfType(BoxConfigException.class).isThrownBy(() -> valid()
                .redirectUri("/cb").apiUrl("https://user:pw@api.example.com/2.0").revokeUrl("https://x.example/r#frag")
                .authorizeUrl("ftp://x.example/").build())
                .satisfies(e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::id, ConfigProblem::property).containsExactlyInAnyOrder(
                            tuple("BOXAUTH-016", "box.auth.oauth.redirect-uri"), tuple("BOXAUTH-016", "box.auth.api-url"),
                            tuple("BOXAUTH-027", "box.auth.revoke-url"),
                            tuple("BOXAUTH-016", "box.auth.oauth.authorize-url"));
                    assertThat(e.getMessage()).doesNotContain("pw@");
                });
    }

    @Test
    void build_refusesBadDurations_andScopesThatAreNotSingleWordsAtOnce() {
        assertThatExceptionOfType(BoxConfigException.class).isThrownBy(() -> valid()
                .connectTimeout(Duration.ZERO).readTimeout(Duration.ofSeconds(-1))
                .refreshMargin(Duration.ofSeconds(-1)).signInTimeout(Duration.ZERO).build())
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::id, ConfigProblem::property)
                        .containsExactlyInAnyOrder(tuple("BOXAUTH-018", "box.auth.connect-timeout"),
                                tuple("BOXAUTH-018", "box.auth.read-timeout"),
                                tuple("BOXAUTH-018", "box.auth.refresh-margin"),
                                tuple("BOXAUTH-018", "box.auth.oauth.sign-in-timeout")));
        assertThatThrownBy(() -> valid().scopes("root_readwrite", "two words"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one word");
    }

    @Test
    void build_allowsARefreshMarginOfZero() {
        assertThat(valid().refreshMargin(Duration.ZERO).build().refreshMargin()).isZero();
    }

    @Test
    void scopes_keepOrderAndDropDuplicates() {
        assertThat(valid().scopes("b", "a", "b").build().scopes()).containsExactly("b", "a");
    }

    @Test
    void toString_neverShowsTheClientSecret() {
        assertThat(valid().build().toString()).contains("cid").contains("<redacted>").doesNotContain(SECRET);
        assertThatThrownBy(() -> valid().clientId(null).build()).isInstanceOf(BoxConfigException.class)
                .hasMessageNotContaining(SECRET);
    }
}
