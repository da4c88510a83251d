package dev.boxauth.emulator.internal;

/** Answers one request. Called on the connection's thread, so it may block (the latency knob does). */
@FunctionalInterface
public interface HttpHandler {

    /** The response to {@code request}; never {@code null}. */
    HttpResponse handle(HttpRequest request) throws InterruptedException;
}
