package dev.boxauth.emulator.internal;

import java.time.Duration;
import java.util.Objects;

/** The emulator's top-level handler: the latency knob, then the endpoint for the path. */
public final class EmulatorRoutes implements HttpHandler {

    private final TokenEndpoint tokens;
    private final ApiEndpoint api;
    private volatile Duration latency = Duration.ZERO;

    public EmulatorRoutes(TokenEndpoint tokens, ApiEndpoint api) {
        this.tokens = tokens;
        this.api = api;
    }

    /** Delays every response by {@code latency}. */
    public void latency(Duration latency) {
        if (Objects.requireNonNull(latency, "latency").isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.latency = latency;
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws InterruptedException {
        Duration delay = latency;
        if (!delay.isZero()) {
            // Sleeping here holds only this connection's thread, as a slow server would.
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        }
        if (request.path().equals("/oauth2/token")) {
            return tokens.handle(request);
        }
        if (request.path().startsWith("/2.0/")) {
            return api.handle(request);
        }
        return BoxErrors.api(404, "not_found", "Not Found");
    }
}
