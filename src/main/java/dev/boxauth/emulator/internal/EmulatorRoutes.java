package dev.boxauth.emulator.internal;

import java.time.Duration;
import java.util.Objects;

/** The emulator's top-level handler: the latency knob, then the endpoint for the path. */
public final class EmulatorRoutes implements HttpHandler {

    /** Where Box's authorize page lives (on account.box.com; here on the emulator's own address). */
    public static final String AUTHORIZE_PATH = ConsentPage.ACTION;

    private final TokenHandler tokens;
    private final RevokeHandler revoke;
    private final AuthorizeHandler authorize;
    private final ApiHandler api;
    private final ApiErrors errors;
    private volatile Duration latency = Duration.ZERO;

    public EmulatorRoutes(TokenHandler tokens, RevokeHandler revoke, AuthorizeHandler authorize, ApiHandler api,
            ApiErrors errors) {
        this.tokens = tokens;
        this.revoke = revoke;
        this.authorize = authorize;
        this.api = api;
        this.errors = errors;
    }

    /** Delays every response by {@code latency}. */
    public void latency(Duration latency) {
        if (Objects.requireNonNull(latency, "latency").isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.latency = latency;
    }

    @Override
    public Reply handle(HttpRequest request) throws InterruptedException {
        Duration delay = latency;
        if (!delay.isZero()) {
            // Sleeping here holds only this connection's thread, as a slow server would.
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        }
        return switch (request.path()) {
            case "/oauth2/token" -> tokens.handle(request);
            case "/oauth2/revoke" -> revoke.handle(request);
            case AUTHORIZE_PATH -> authorize.handle(request);
            default -> request.path().startsWith("/2.0/") ? api.handle(request)
                    : errors.api(404, "not_found", "Not Found");
        };
    }
}
