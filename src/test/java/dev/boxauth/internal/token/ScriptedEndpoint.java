package dev.boxauth.internal.token;

import dev.boxauth.internal.http.TokenEndpoint;
import dev.boxauth.internal.http.TokenHttpResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A token endpoint that answers from a script and records every form posted. For pure unit tests only. */
final class ScriptedEndpoint implements TokenEndpoint {

    interface Answer {
        TokenHttpResponse answer() throws IOException;
    }

    private final Deque<Answer> script = new ArrayDeque<>();
    final List<Map<String, String>> forms = new ArrayList<>();

    ScriptedEndpoint then(TokenHttpResponse response) {
        script.add(() -> response);
        return this;
    }

    ScriptedEndpoint thenThrow(IOException e) {
        script.add(() -> {
            throw e;
        });
        return this;
    }

    @Override
    public TokenHttpResponse post(Map<String, String> form) throws IOException {
        forms.add(form);
        Answer next = script.poll();
        if (next == null) {
            throw new AssertionError("no scripted answer for request " + forms.size());
        }
        return next.answer();
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
