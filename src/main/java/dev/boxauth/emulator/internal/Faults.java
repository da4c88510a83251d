package dev.boxauth.emulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The failures a {@link FaultSchedule} can script: Box's own error answers (5xx, 429) and answers that break
 * HTTP or JSON, as a failing proxy, load balancer or network would. The broken answers carry an access token
 * that was never issued: a client that accepts one gets 401 from the API.
 */
public final class Faults {

    /** Application data that a token response could carry, as the broken answers imitate it. */
    private static final String TOKEN_FIELDS = "\"expires_in\":3600,\"restricted_to\":[],\"token_type\":\"bearer\"";
    private static final byte[] PADDING = new byte[8192];

    static {
        Arrays.fill(PADDING, (byte) 'x');
    }

    private Faults() {
    }

    /**
     * Server error {@code status} in Box's client error shape.
     *
     * @throws IllegalArgumentException if {@code status} is not 500 to 599
     */
    public static FaultSchedule.Fault serverError(ApiErrors errors, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("status must be a 5xx server error, was " + status);
        }
        return release -> errors.serverError(status);
    }

    /** 429 with {@code Retry-After} sent verbatim, or none when {@code null}. */
    public static FaultSchedule.Fault rateLimited(ApiErrors errors, String retryAfter) {
        return release -> {
            HttpResponse response = errors.rateLimited();
            return retryAfter == null ? response : response.withHeader("Retry-After", retryAfter);
        };
    }

    /** 200 and its head, announcing a token body, then nothing until released; then the connection closes. */
    public static FaultSchedule.Fault stalledBody(RandomIds random) {
        return release -> (RawReply) (out, now) -> {
            head(out, now, unissuedToken(random).length);
            out.flush();
            release.await();
        };
    }

    /** No byte at all, until released; then the connection closes. */
    public static FaultSchedule.Fault noAnswer() {
        return release -> (RawReply) (out, now) -> release.await();
    }

    /** 200 with a correctly framed body that is not JSON: an object that never closes. */
    public static FaultSchedule.Fault malformedJson(RandomIds random) {
        return release -> new HttpResponse(200, "application/json", ("{\"access_token\":\"" + random.secret() + "\","
                + TOKEN_FIELDS).getBytes(StandardCharsets.UTF_8), List.of());
    }

    /** 200 announcing a token body, half of it sent, then the connection closed. */
    public static FaultSchedule.Fault truncatedBody(RandomIds random) {
        return release -> (RawReply) (out, now) -> {
            byte[] body = unissuedToken(random);
            head(out, now, body.length);
            out.write(body, 0, body.length / 2);
        };
    }

    /** The smallest body {@link #oversizedBody} makes: a token object with a short {@code padding} member. */
    public static final int MIN_OVERSIZED_BYTES = 128;

    /**
     * 200 with a valid JSON token object of exactly {@code bytes} bytes, padded by one long string member,
     * streamed from a small buffer; then the connection closes.
     *
     * @throws IllegalArgumentException if {@code bytes} is less than {@link #MIN_OVERSIZED_BYTES}
     */
    public static FaultSchedule.Fault oversizedBody(RandomIds random, long bytes) {
        if (bytes < MIN_OVERSIZED_BYTES) {
            throw new IllegalArgumentException("An oversized body has at least " + MIN_OVERSIZED_BYTES
                    + " bytes, was " + bytes);
        }
        return release -> (RawReply) (out, now) -> {
            byte[] prefix = oversizedPrefix(random.secret());
            byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
            head(out, now, bytes);
            out.write(prefix);
            for (long left = bytes - prefix.length - suffix.length; left > 0; left -= PADDING.length) {
                out.write(PADDING, 0, (int) Math.min(left, PADDING.length));
            }
            out.write(suffix);
        };
    }

    private static byte[] oversizedPrefix(String token) {
        return ("{\"access_token\":\"" + token + "\"," + TOKEN_FIELDS + ",\"padding\":\"")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] unissuedToken(RandomIds random) {
        return ("{\"access_token\":\"" + random.secret() + "\"," + TOKEN_FIELDS + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static void head(OutputStream out, Instant now, long contentLength) throws IOException {
        ResponseWriter.writeHead(out, 200, "application/json", contentLength, List.of(), now, "close");
    }
}
