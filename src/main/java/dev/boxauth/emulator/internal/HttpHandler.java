package dev.boxauth.emulator.internal;

/** Answers one request. Called on the connection's thread, so it may block (the latency knob does). */
@FunctionalInterface
public interface HttpHandler {

    /** The answer to {@code request}; never {@code null}. */
    Reply handle(HttpRequest request) throws InterruptedException;
}
