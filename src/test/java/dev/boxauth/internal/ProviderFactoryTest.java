package dev.boxauth.internal;

import static dev.boxauth.internal.TestProviders.CLIENT_SECRET;
import static dev.boxauth.internal.TestProviders.build;
import static dev.boxauth.internal.TestProviders.ccg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.config.SettingsReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderFactoryTest {

    private final FakeBox box = new FakeBox();
    private final Logger logger = Logger.getLogger("dev.boxauth");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        logger.removeHandler(capture);
    }

    private List<String> infoLines() {
        return logged.stream().filter(r -> r.getLevel() == Level.INFO).map(LogRecord::getMessage).toList();
    }

    @Test
    void ccg_asksForTheConfiguredSubjectsToken_andSaysOnceWhatItIsReadyFor() {
        try (BoxTokenProvider provider = build(box, ccg())) {
            provider.accessToken();

            assertThat(box.tokenForms).singleElement().satisfies(form -> assertThat(form).containsOnly(
                    Map.entry("grant_type", "client_credentials"), Map.entry("client_id", "ccg-client"),
                    Map.entry("client_secret", CLIENT_SECRET), Map.entry("box_subject_type", "enterprise"),
                    Map.entry("box_subject_id", "1000")));
            provider.forUser("42").accessToken();
        }
        assertThat(infoLines()).singleElement().asString().isEqualTo("Box auth ready: client id ccg-client (Client"
                + " Credentials Grant, enterprise 1000), token endpoint http://127.0.0.1:9/oauth2/token");
    }

    @Test
    void aDeveloperToken_saysSoInItsReadyLine_withoutTheToken() {
        try (BoxTokenProvider provider = build(box, Map.of("box.auth.developer-token", "dev-token-never-logged",
                "box.auth.client-id", "dev-client", "box.auth.client-secret", CLIENT_SECRET))) {
            provider.accessToken();
        }
        assertThat(infoLines()).singleElement().asString()
                .startsWith("Box auth ready: client id dev-client (developer token, the user who generated it)")
                .doesNotContain("dev-token-never-logged").doesNotContain(CLIENT_SECRET);
    }

    @Test
    void oauth_hasNoProviderForTheWholeApp_andSaysWhereToGetOne() {
        Map<String, String> p = Map.of("box.auth.client-id", "c", "box.auth.client-secret", CLIENT_SECRET,
                "box.auth.oauth.redirect-uri", "https://app.example.com/box/oauth/callback");

        assertThatExceptionOfType(BoxAuthException.class)
                .isThrownBy(() -> ProviderFactory.create(SettingsReader.read(p), ProviderFactory.Options.DEFAULTS))
                .satisfies(e -> assertThat(e.getMessage()).contains("per signed-in user", "OAuth 2.0 API")
                        .doesNotContain(CLIENT_SECRET));
        assertThat(infoLines()).isEmpty();
    }

    @Test
    void fetchOnStartup_withCcg_getsTheFirstTokenWhileBuilding() {
        Map<String, String> p = ccg();
        p.put("box.auth.fetch-on-startup", "true");
        try (BoxTokenProvider provider = build(box, p)) {
            assertThat(box.tokenForms).hasSize(1);
            provider.accessToken();
            assertThat(box.tokenForms).hasSize(1);
        }
    }
}
