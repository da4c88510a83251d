package dev.boxauth.internal.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a body of at most {@code maxBytes}: past that it cancels the subscription (which closes the
 * connection) and fails with {@link BodyTooLargeException}; a {@code Content-Length} over the cap fails
 * before a byte is read. A body not complete by the deadline is cancelled the same way and fails with a
 * {@link TimeoutException}.
 */
final class CappedBody implements BodySubscriber<byte[]> {

    private final int maxBytes;
    private final long announcedLength;
    /** {@link System#nanoTime()} by which the whole body must have arrived. */
    private final long deadlineNanos;
    private final ScheduledExecutorService timer;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(int maxBytes, long announcedLength, long deadlineNanos, ScheduledExecutorService timer) {
        this.maxBytes = maxBytes;
        this.announcedLength = announcedLength;
        this.deadlineNanos = deadlineNanos;
        this.timer = timer;
    }

    /**
     * The body as UTF-8 text, at most {@code maxBytes} of it, complete by {@code deadlineNanos}
     * ({@link System#nanoTime()}).
     *
     * @param timer cuts off a body still arriving at the deadline
     */
    static HttpResponse.BodyHandler<String> handler(int maxBytes, long deadlineNanos, ScheduledExecutorService timer) {
        return info -> HttpResponse.BodySubscribers.mapping(new CappedBody(maxBytes,
                info.headers().firstValueAsLong("Content-Length").orElse(-1), deadlineNanos, timer),
                bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (announcedLength > maxBytes) {
            tooLarge();
            return;
        }
        // A request's timeout ends with the headers, so a server that then stalls is cut off here.
        ScheduledFuture<?> cutOff = timer.schedule(() -> {
            if (body.completeExceptionally(new TimeoutException())) {
                subscription.cancel();
            }
        }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        body.whenComplete((bytes, failure) -> cutOff.cancel(false));
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (received.size() + buffer.remaining() > maxBytes) {
                tooLarge();
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            received.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(received.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    private void tooLarge() {
        subscription.cancel();
        body.completeExceptionally(new BodyTooLargeException(maxBytes));
    }
}
