package dev.boxauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.CcgApp;
import dev.boxauth.emulator.internal.Json;
import dev.boxauth.it.app.ItApplication;
import dev.boxauth.it.app.TokenResource;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's {@code /health/ready} (MicroProfile Health: Liberty's mpHealth-4.0, built into Payara
 * Micro) holds one readiness check per Box app of the deployment: the default app, with its first token
 * from startup, and "refused", whose enterprise has not authorized it. Every response is read for secrets.
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT extends ServerIT {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final URL SERVER = serverUrl("/");

    private static BoxEmulator box;
    private static CcgApp refused;

    @Deployment(testable = false)
    static WebArchive deployment() {
        box = emulatorWithFixtureApp(0);
        refused = box.createCcgApp();
        refused.authorized(false);
        Map<String, String> config = new LinkedHashMap<>(configFor(box));
        config.put("box.auth.fetch-on-startup", "true");
        config.put("box.auth.refused.method", "ccg");
        config.put("box.auth.refused.client-id", refused.clientId());
        config.put("box.auth.refused.client-secret", refused.clientSecret());
        config.put("box.auth.refused.enterprise-id", refused.enterpriseId());
        config.put("box.auth.refused.token-url", box.tokenUrl());
        config.put("box.auth.refused.api-url", box.apiUrl());
        return war("readiness", config, ItApplication.class, TokenResource.class);
    }

    @AfterAll
    static void stop() {
        assertServerLogsHoldNoSecret(box);
        box.close();
    }

    @Test
    void ready_showsTheDefaultAppUp_withItsMethodSubjectAndTokenLifetime_andAsksBoxForNoOtherToken() {
        Map<String, Object> check = check(readiness(), "box-auth:default");

        assertThat(check.get("status")).isEqualTo("UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) check.get("data");
        assertThat(data).containsEntry("app", "default").containsEntry("method", "jwt")
                .containsEntry("subject", "enterprise 12345678").doesNotContainKey("lastError");
        // A JSON number on Liberty; Payara writes every data value as a string.
        assertThat(new BigDecimal(data.get("expiresInSeconds").toString())).isPositive()
                .isLessThanOrEqualTo(BigDecimal.valueOf(3600));
        assertThat(box.tokenRequests(JWT_BEARER)).as("the default app's token requests: the one at startup").isEqualTo(1);
    }

    @Test
    void ready_whileBoxRefusesAnApp_isDownWithBoxsErrorCode_andUpOnceBoxIssuesItsToken() {
        // Box answers a Client Credentials app that its enterprise has not authorized with invalid_grant.
        HttpResponse<String> down = readiness();
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(Json.parseObject(down.body())).containsEntry("status", "DOWN");
        Map<String, Object> refusedCheck = check(down, "box-auth:refused");
        assertThat(refusedCheck).containsEntry("status", "DOWN").containsEntry("data", Map.of("app", "refused",
                "method", "ccg", "subject", "enterprise " + refused.enterpriseId(), "lastError", "invalid_grant"));

        refused.authorized(true);
        try {
            Map<String, Object> up = check(readiness(), "box-auth:refused");
            assertThat(up).containsEntry("status", "UP");
            assertThat(up.get("data").toString()).contains("expiresInSeconds").doesNotContain("lastError");
        } finally {
            refused.authorized(false);
        }
    }

    /** GET /health/ready; asserts that it holds no secret of either app, no token Box issued, no assertion. */
    private static HttpResponse<String> readiness() {
        HttpResponse<String> response = get(SERVER, "health/ready");
        List<String> secrets = new ArrayList<>(secrets(box));
        secrets.add(refused.clientSecret());
        for (String secret : secrets) {
            assertThat(response.body()).as("/health/ready").doesNotContain(secret);
        }
        assertThat(response.body()).as("/health/ready holds no JWT assertion").doesNotContain("eyJ");
        return response;
    }

    /** The one check named {@code name} in a health response. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(HttpResponse<String> response, String name) {
        List<Object> checks = (List<Object>) Json.parseObject(response.body()).get("checks");
        List<Map<String, Object>> named = checks.stream().map(c -> (Map<String, Object>) c)
                .filter(c -> name.equals(c.get("name"))).toList();
        assertThat(named).as(response.body()).hasSize(1);
        return named.get(0);
    }
}
