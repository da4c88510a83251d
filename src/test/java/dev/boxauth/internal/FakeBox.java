package dev.boxauth.internal;

import dev.boxauth.internal.http.TokenEndpoint;
import dev.boxauth.internal.http.TokenHttpResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Box's token and revoke endpoints in memory, for pure unit tests of the providers. Issues tokens named
 * after the grant and a serial number ({@code ccg-1}, {@code exchange-2}), records every form posted,
 * answers from a script per grant type when one is set, and can hold the requests of one grant type at
 * a gate until the test opens it.
 */
final class FakeBox {

    static final String CCG = "client_credentials";
    static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

    final List<Map<String, String>> tokenForms = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> revokeForms = new CopyOnWriteArrayList<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final Map<String, Long> lifetimes = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Queue<Answer> revokeScript = new ConcurrentLinkedQueue<>();

    interface Answer {
        TokenHttpResponse answer() throws IOException;
    }

    /** The endpoint at {@code url}: the revoke endpoint for a path ending in {@code /revoke}, else the token endpoint. */
    TokenEndpoint endpoint(URI url) {
        boolean revoke = url.getPath().endsWith("/revoke");
        return new TokenEndpoint() {
            @Override
            public TokenHttpResponse post(Map<String, String> form, Duration atMost)
                    throws IOException, InterruptedException {
                return revoke ? revoke(form) : token(form);
            }

            @Override
            public String describe() {
                return url.toString();
            }
        };
    }

    /** Tokens of {@code grantType} live {@code seconds}; default 3600. */
    void lifetime(String grantType, long seconds) {
        lifetimes.put(grantType, seconds);
    }

    /** The next request of {@code grantType} gets {@code answer} instead of a token. */
    void then(String grantType, Answer answer) {
        scripts.computeIfAbsent(grantType, g -> new ConcurrentLinkedQueue<>()).add(answer);
    }

    /** The next revocation gets {@code answer} instead of 200. */
    void thenRevoke(Answer answer) {
        revokeScript.add(answer);
    }

    /** Requests of {@code grantType} wait until the returned latch is counted down (10 s at most). */
    CountDownLatch hold(String grantType) {
        return gates.computeIfAbsent(grantType, g -> new CountDownLatch(1));
    }

    /** Token requests whose form has {@code name=value}. */
    long tokenRequests(String name, String value) {
        return tokenForms.stream().filter(form -> value.equals(form.get(name))).count();
    }

    static TokenHttpResponse error(int status, String error, String description) {
        return new TokenHttpResponse(status, "{\"error\":\"" + error + "\",\"error_description\":\"" + description
                + "\"}", null, null);
    }

    private TokenHttpResponse token(Map<String, String> form) throws IOException, InterruptedException {
        tokenForms.add(Map.copyOf(form));
        String grantType = form.get("grant_type");
        CountDownLatch gate = gates.get(grantType);
        if (gate != null && !gate.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the gate of " + grantType + " was not opened within 10 s");
        }
        Answer scripted = scripts.getOrDefault(grantType, new ConcurrentLinkedQueue<>()).poll();
        if (scripted != null) {
            return scripted.answer();
        }
        String name = grantType.equals(EXCHANGE) ? "exchange" : grantType.equals(CCG) ? "ccg" : "jwt";
        return new TokenHttpResponse(200, "{\"access_token\":\"" + name + "-" + serial.incrementAndGet()
                + "\",\"expires_in\":" + lifetimes.getOrDefault(grantType, 3600L) + ",\"token_type\":\"bearer\"}",
                null, null);
    }

    private TokenHttpResponse revoke(Map<String, String> form) throws IOException {
        revokeForms.add(Map.copyOf(form));
        Answer scripted = revokeScript.poll();
        return scripted != null ? scripted.answer() : new TokenHttpResponse(200, "", null, null);
    }
}
