package dev.boxauth.internal;

import static dev.boxauth.internal.TestProviders.build;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.Downscope;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeveloperTokenTest {

    private static final String TOKEN = "developer-token-from-the-console-0123";

    private final FakeBox box = new FakeBox();

    private static Map<String, String> developerToken() {
        Map<String, String> p = new HashMap<>();
        p.put("box.auth.developer-token", TOKEN);
        p.put("box.auth.token-url", "http://127.0.0.1:9/oauth2/token");
        p.put("box.auth.revoke-url", "http://127.0.0.1:9/oauth2/revoke");
        return p;
    }

    @Test
    void theTokenIsHandedOutAsIs_withAnUnknownExpiry_andNothingIsAskedOfBox() {
        try (BoxTokenProvider provider = build(box, developerToken())) {
            BoxAccessToken token = provider.token();

            assertThat(token.value()).isEqualTo(TOKEN);
            assertThat(token.expiresAt()).isEqualTo(Instant.MAX);
            assertThat(provider.accessToken()).isEqualTo(TOKEN);
            assertThat(provider.toString()).doesNotContain(TOKEN).contains("developer token");
            assertThat(box.tokenForms).isEmpty();
        }
    }

    @Test
    void onceInvalidated_everyCallSaysDeveloperTokensLastAnHour_andHowToGetANewOne() {
        try (BoxTokenProvider provider = build(box, developerToken())) {
            provider.invalidate("some-other-token");
            assertThat(provider.accessToken()).isEqualTo(TOKEN);

            provider.invalidate(TOKEN);

            for (int i = 0; i < 3; i++) {
                assertThatExceptionOfType(BoxTokenException.class).isThrownBy(provider::accessToken).satisfies(e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("60 minutes", "cannot be refreshed",
                            "Developer Console (the app → Configuration → Generate Developer Token)")
                            .doesNotContain(TOKEN);
                });
            }
            assertThat(box.tokenForms).isEmpty();
        }
    }

    @Test
    void forUser_isABoxAuthException() {
        try (BoxTokenProvider provider = build(box, developerToken())) {
            assertThatExceptionOfType(BoxAuthException.class).isThrownBy(() -> provider.forUser("42"))
                    .satisfies(e -> assertThat(e.getMessage())
                            .contains("forUser needs JWT or the Client Credentials Grant"));
        }
    }

    @Test
    void downscope_exchangesTheDeveloperToken() {
        try (BoxTokenProvider provider = build(box, developerToken())) {
            provider.downscope(Downscope.to("item_preview"));
            assertThat(box.tokenForms).singleElement().satisfies(form ->
                    assertThat(form).containsEntry("subject_token", TOKEN).doesNotContainKey("client_id"));
        }
    }

    @Test
    void revoke_withoutClientCredentials_saysWhichPropertiesItNeeds() {
        try (BoxTokenProvider provider = build(box, developerToken())) {
            assertThatExceptionOfType(BoxAuthException.class).isThrownBy(provider::revoke)
                    .satisfies(e -> assertThat(e.getMessage())
                            .contains("box.auth.client-id", "box.auth.client-secret"));
            assertThat(provider.accessToken()).isEqualTo(TOKEN);
        }
    }

    @Test
    void revoke_withClientCredentials_revokesIt_andLaterCallsSayHowToGetANewOne() {
        Map<String, String> p = developerToken();
        p.put("box.auth.client-id", "dev-client");
        p.put("box.auth.client-secret", "dev-secret-never-shown");
        try (BoxTokenProvider provider = build(box, p)) {
            provider.accessToken();

            provider.revoke();

            assertThat(box.revokeForms).singleElement().satisfies(form -> assertThat(form).containsEntry("token", TOKEN));
            assertThatExceptionOfType(BoxTokenException.class).isThrownBy(provider::accessToken)
                    .satisfies(e -> assertThat(e.getMessage()).contains("Generate Developer Token"));
        }
    }
}
