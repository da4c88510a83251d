package dev.boxauth.internal;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.config.SettingsReader;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/** Providers over a {@link FakeBox}, with retries that do not wait. */
final class TestProviders {

    static final String CLIENT_SECRET = "ccg-secret-never-shown-0123";

    private TestProviders() {
    }

    /** A Client Credentials app for enterprise 1000, against loopback URLs the fake answers. */
    static Map<String, String> ccg() {
        Map<String, String> p = new HashMap<>();
        p.put("box.auth.client-id", "ccg-client");
        p.put("box.auth.client-secret", CLIENT_SECRET);
        p.put("box.auth.enterprise-id", "1000");
        p.put("box.auth.token-url", "http://127.0.0.1:9/oauth2/token");
        p.put("box.auth.revoke-url", "http://127.0.0.1:9/oauth2/revoke");
        return p;
    }

    /** @param clock {@code null} for the system clock; @param executor {@code null} for the provider's own threads */
    static BoxTokenProvider build(FakeBox box, Map<String, String> properties, Clock clock, Executor executor) {
        return ProviderFactory.create(SettingsReader.read(properties),
                new ProviderFactory.Options(clock, executor, null, null, delay -> { }), box::endpoint, null);
    }

    static BoxTokenProvider build(FakeBox box, Map<String, String> properties) {
        return build(box, properties, null, null);
    }
}
