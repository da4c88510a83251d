package dev.boxauth.emulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * A reply that writes the connection's bytes itself, for the fault knobs: a head without its body, a body
 * shorter than announced, no answer at all, a body streamed rather than held in memory. The connection is
 * closed after it, whatever the client asked for.
 */
public non-sealed interface RawReply extends Reply {

    /**
     * Writes whatever this reply sends, and returns when the connection should close. It may block (a
     * stall), but must return or throw once released by its fault schedule, and throw when the thread is
     * interrupted or the socket closed, so that closing the emulator never waits for it.
     *
     * @param now the emulator's clock reading, for the {@code Date} field of a head it writes
     */
    void send(OutputStream out, Instant now) throws IOException, InterruptedException;
}
