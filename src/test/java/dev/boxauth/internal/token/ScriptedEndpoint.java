package dev.boxauth.internal.token;

import dev.boxauth.internal.http.TokenEndpoint;
import dev.boxauth.internal.http.TokenHttpResponse;
import dev.boxauth.testing.FakeSleeper;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A token endpoint that answers from a script and records every form posted, and how long each post was
 * allowed to take. For pure unit tests only.
 */
final class ScriptedEndpoint implements TokenEndpoint {

    interface Answer {
        TokenHttpResponse answer(Duration atMost) throws IOException;
    }

    private final Deque<Answer> script = new ArrayDeque<>();
    final List<Map<String, String>> forms = new ArrayList<>();
    final List<Duration> allowed = new ArrayList<>();

    ScriptedEndpoint then(TokenHttpResponse response) {
        script.add(atMost -> response);
        return this;
    }

    ScriptedEndpoint thenThrow(IOException e) {
        script.add(atMost -> {
            throw e;
        });
        return this;
    }

    /**
     * An endpoint that accepts and never answers: the post uses up all the time it was allowed on
     * {@code time}, then times out, as the HTTP client cancels it at its deadline.
     */
    ScriptedEndpoint thenNoAnswer(FakeSleeper time, Duration exchangeTimeout) {
        script.add(atMost -> {
            Duration waited = atMost.compareTo(exchangeTimeout) < 0 ? atMost : exchangeTimeout;
            time.advance(waited);
            throw new HttpTimeoutException("no complete answer within " + waited.toMillis() + " ms");
        });
        return this;
    }

    @Override
    public TokenHttpResponse post(Map<String, String> form, Duration atMost) throws IOException {
        forms.add(form);
        allowed.add(atMost);
        Answer next = script.poll();
        if (next == null) {
            throw new AssertionError("no scripted answer for request " + forms.size());
        }
        return next.answer(atMost);
    }

    @Override
    public String describe() {
        return "https://scripted.example/oauth2/token";
    }

    static TokenHttpResponse ok(String token, long expiresIn) {
        return new TokenHttpResponse(200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn
                + ",\"restricted_to\":[],\"token_type\":\"bearer\"}", null, null);
    }

    static TokenHttpResponse error(int status, String error, String description) {
        return new TokenHttpResponse(status, "{\"error\":\"" + error + "\",\"error_description\":\"" + description
                + "\"}", null, null);
    }
}
