package dev.boxauth.internal.token;

import static dev.boxauth.internal.token.ScriptedEndpoint.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boxauth.BoxTokenException;
import dev.boxauth.internal.Secret;
import dev.boxauth.internal.http.TokenHttpResponse;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenRevokerTest {

    private static final String SECRET = "revoke-client-secret-never-shown";
    private static final String TOKEN = "access-token-to-revoke-never-shown";

    private final ScriptedEndpoint box = new ScriptedEndpoint();
    private final TokenRevoker revoker = new TokenRevoker(box, "cid", new Secret(SECRET));

    @Test
    void revoke_postsTheClientCredentialsAndTheToken() {
        box.then(new TokenHttpResponse(200, "", null, null));

        revoker.revoke(TOKEN, "client id cid (test)");

        assertThat(box.forms).containsExactly(Map.of("client_id", "cid", "client_secret", SECRET, "token", TOKEN));
    }

    @Test
    void revoke_refused_isABoxTokenExceptionWithBoxsError_butNeitherSecretNorToken() {
        box.then(error(400, "invalid_client", "The client credentials are invalid"));

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> revoker.revoke(TOKEN, "client id cid"))
                .satisfies(e -> {
                    assertThat(e.error()).contains("invalid_client");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("Box did not revoke the token for client id cid: HTTP 400")
                            .contains("box.auth.client-secret").doesNotContain(SECRET).doesNotContain(TOKEN);
                });

        assertThat(box.forms).hasSize(1);
    }

    @Test
    void revoke_serverErrorsAndUnreachableBox_areRetryable_andNotRetriedHere() {
        box.then(error(503, "unavailable", "down")).thenThrow(new ConnectException("Connection refused"));

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> revoker.revoke(TOKEN, "c"))
                .satisfies(down -> assertThat(down.isRetryable()).isTrue());
        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> revoker.revoke(TOKEN, "c"))
                .satisfies(unreachable -> {
                    assertThat(unreachable.isRetryable()).isTrue();
                    assertThat(unreachable.httpStatus()).isZero();
                    assertThat(unreachable.getMessage()).contains("revoke endpoint", "box.auth.revoke-url")
                            .doesNotContain(TOKEN);
                });

        assertThat(box.forms).hasSize(2);
    }

    @Test
    void revoke_aNonBoxAnswer_pointsAtTheRevokeUrl_withoutQuotingIt() {
        box.then(new TokenHttpResponse(404, "<html>" + TOKEN + "</html>", null, null));

        assertThatExceptionOfType(BoxTokenException.class).isThrownBy(() -> revoker.revoke(TOKEN, "c"))
                .satisfies(e -> assertThat(e.getMessage()).contains("box.auth.revoke-url").doesNotContain(TOKEN)
                        .doesNotContain("html"));
    }
}
