package dev.boxauth.emulator.internal;

/**
 * What a handler answers: an ordinary {@link HttpResponse}, which the server frames correctly, or a
 * {@link RawReply}, which writes the bytes itself to break HTTP on purpose.
 */
public sealed interface Reply permits HttpResponse, RawReply {
}
