package dev.boxauth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void build_reportsEveryMissingRequiredSettingByName() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> BoxOAuthConfig.builder().build())
                .satisfies(e -> assertThat(e.getMessage()).contains("3 problems").contains("clientId: is missing")
                        .contains("clientSecret: is missing").contains("redirectUri: is missing"));
    }

    @Test
    void build_refusesPlainHttpOffLoopback_withoutShowingTheUrl() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> valid().tokenUrl("http://box.internal.example/token?key=hush").build())
                .satisfies(e -> assertThat(e.getMessage()).contains("tokenUrl: uses http off the loopback interface")
                        .doesNotContain("hush"));
    }

    @Test
    void build_acceptsPlainHttpOnLoopback() {
        for (String host : List.of("localhost", "127.0.0.1", "[::1]")) {
            assertThat(valid().redirectUri("http://" + host + ":8080/cb").apiUrl("http://" + host + ":1/2.0").build()
                    .redirectUri().getScheme()).isEqualTo("http");
        }
    }

    @Test
    void build_refusesRelativeUrlsUserInfoAndFragments() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> valid()
                .redirectUri("/cb").apiUrl("https://user:pw@api.example.com/2.0").revokeUrl("https://x.example/r#frag")
                .authorizeUrl("ftp://x.example/").build())
                .satisfies(e -> assertThat(e.getMessage()).contains("4 problems")
                        .contains("redirectUri: is not an absolute").contains("apiUrl: must not hold a user name")
                        .contains("revokeUrl: is not an absolute").contains("authorizeUrl: is not an absolute")
                        .doesNotContain("pw@"));
    }

    @Test
    void build_refusesScopesThatAreNotSingleWordsAndBadDurations() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> valid()
                .scopes("root_readwrite", "two words").connectTimeout(Duration.ZERO).readTimeout(Duration.ofSeconds(-1))
                .refreshMargin(Duration.ofSeconds(-1)).signInTimeout(null).build())
                .satisfies(e -> assertThat(e.getMessage()).contains("scopes:").contains("connectTimeout:")
                        .contains("readTimeout:").contains("refreshMargin:").contains("signInTimeout:"));
    }

    @Test
    void scopes_keepOrderAndDropDuplicates() {
        assertThat(valid().scopes("b", "a", "b").build().scopes()).containsExactly("b", "a");
    }

    @Test
    void toString_neverShowsTheClientSecret() {
        assertThat(valid().build().toString()).contains("cid").contains("<redacted>").doesNotContain(SECRET);
        assertThatThrownBy(() -> valid().clientId(null).build()).hasMessageNotContaining(SECRET);
    }
}
