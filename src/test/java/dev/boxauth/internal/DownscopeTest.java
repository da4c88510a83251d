package dev.boxauth.internal;

import static dev.boxauth.internal.TestProviders.build;
import static dev.boxauth.internal.TestProviders.ccg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxTokenException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.Downscope;
import dev.boxauth.testing.MutableClock;
import dev.boxauth.testing.Together;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DownscopeTest {

    private static final Downscope PREVIEW = Downscope.to("item_preview");

    private final FakeBox box = new FakeBox();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

    private List<Map<String, String>> exchanges() {
        return box.tokenForms.stream().filter(f -> FakeBox.EXCHANGE.equals(f.get("grant_type"))).toList();
    }

    @Test
    void downscope_exchangesTheProvidersCurrentToken_withoutClientCredentials() {
        try (BoxTokenProvider app = build(box, ccg())) {
            String parent = app.accessToken();

            BoxAccessToken downscoped = app.downscope(Downscope.to("item_upload", "item_preview")
                    .onResource("https://api.box.com/2.0/folders/5"));

            assertThat(downscoped.value()).startsWith("exchange-");
            assertThat(exchanges()).singleElement().satisfies(form -> assertThat(form).containsOnly(
                    Map.entry("grant_type", FakeBox.EXCHANGE),
                    Map.entry("subject_token", parent),
                    Map.entry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token"),
                    Map.entry("scope", "item_preview item_upload"),
                    Map.entry("resource", "https://api.box.com/2.0/folders/5")));
        }
    }

    @Test
    void downscope_ofAUserProvider_exchangesThatUsersToken() {
        try (BoxTokenProvider app = build(box, ccg())) {
            BoxTokenProvider ada = app.forUser("42");

            ada.downscope(PREVIEW);

            assertThat(exchanges()).singleElement().satisfies(form ->
                    assertThat(form.get("subject_token")).isEqualTo(ada.accessToken()));
            assertThat(box.tokenRequests("box_subject_type", "enterprise")).isZero();
        }
    }

    @Test
    void downscope_isCachedByItsParameters() {
        try (BoxTokenProvider app = build(box, ccg())) {
            BoxAccessToken first = app.downscope(PREVIEW);

            assertThat(app.downscope(Downscope.to("item_preview"))).isEqualTo(first);
            assertThat(app.downscope(PREVIEW.onSharedLink("https://app.box.com/s/x"))).isNotEqualTo(first);
            assertThat(app.downscope(Downscope.to("item_preview", "item_download"))).isNotEqualTo(first);
            assertThat(exchanges()).hasSize(3);
            assertThat(box.tokenRequests("grant_type", FakeBox.CCG)).isEqualTo(1);
        }
    }

    @Test
    void downscope_sixtyFourConcurrentCallersOfTheSameScopes_makeOneExchange() throws Exception {
        try (BoxTokenProvider app = build(box, ccg())) {
            app.accessToken();

            List<String> tokens = Together.call(64, box.hold(FakeBox.EXCHANGE),
                    () -> app.downscope(Downscope.to("item_preview", "item_upload")).value());

            assertThat(tokens).hasSize(64).containsOnly(tokens.get(0));
            assertThat(exchanges()).hasSize(1);
        }
    }

    @Test
    void downscope_nearItsExpiry_isExchangedAgain_fromTheParentTokenOfThatMoment() {
        box.lifetime(FakeBox.EXCHANGE, 600);
        try (BoxTokenProvider app = build(box, ccg(), clock, Runnable::run)) {
            String parent = app.accessToken();
            String first = app.downscope(PREVIEW).value();

            clock.advance(Duration.ofSeconds(600));
            String second = app.downscope(PREVIEW).value();

            clock.advance(Duration.ofHours(1));
            String third = app.downscope(PREVIEW).value();
            String newParent = app.accessToken();

            assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
            assertThat(newParent).isNotEqualTo(parent);
            assertThat(exchanges()).extracting(form -> form.get("subject_token"))
                    .containsExactly(parent, parent, newParent);
        }
    }

    @Test
    void downscope_aDownscopedTokenTheApiRejected_isExchangedAgain() {
        try (BoxTokenProvider app = build(box, ccg())) {
            String rejected = app.downscope(PREVIEW).value();

            app.invalidate(rejected);

            assertThat(app.downscope(PREVIEW).value()).isNotEqualTo(rejected);
            assertThat(exchanges()).hasSize(2);
            assertThat(box.tokenRequests("grant_type", FakeBox.CCG)).isEqualTo(1);
        }
    }

    @Test
    void downscope_aScopeTheParentLacks_isNotRetryable_andTheNextCallAsksAgain() {
        box.then(FakeBox.EXCHANGE, () -> FakeBox.error(400, "invalid_scope", "The requested scope is invalid"));
        try (BoxTokenProvider app = build(box, ccg())) {
            assertThatExceptionOfType(BoxTokenException.class)
                    .isThrownBy(() -> app.downscope(Downscope.to("item_delete")))
                    .satisfies(e -> {
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.getMessage()).contains("parent token lacks a requested scope")
                                .doesNotContain(app.accessToken());
                    });
            assertThat(exchanges()).hasSize(1);
            assertThat(app.downscope(Downscope.to("item_delete")).value()).startsWith("exchange-");
        }
    }
}
