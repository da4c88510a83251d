package dev.boxauth.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page itself; DemoIT checks in a browser that it renders as a page on Liberty. */
class SignInFailurePageTest {

    @Test
    void whyBoxRefused_accessDenied_saysThePersonDeclined() {
        assertThat(SignInFailurePage.whyBoxRefused("access_denied"))
                .isEqualTo("You did not give this application access to your Box account.");
    }

    @Test
    void whyBoxRefused_namesEveryOtherDocumentedError() {
        for (String code : List.of("invalid_request", "unauthorized_client", "unsupported_response_type",
                "invalid_scope", "server_error", "temporarily_unavailable")) {
            assertThat(SignInFailurePage.whyBoxRefused(code)).as(code).endsWith(" (" + code + ").");
        }
    }

    @Test
    void whyBoxRefused_anyOtherText_isShownGenerically_neverAsItCame() {
        for (String error : List.of("Your Box account is locked. Call +1 555 0100", "<script>alert(1)</script>",
                "ACCESS_DENIED", "access_denied ", "invalid_grant", "")) {
            assertThat(SignInFailurePage.whyBoxRefused(error)).as(error)
                    .isEqualTo(SignInFailurePage.UNKNOWN_AUTHORIZE_ERROR);
        }
    }

    @Test
    void html_isUtf8_withAHeadingTheReasonAndALinkToSignInAgain_bothEscaped() {
        byte[] bytes = SignInFailurePage.html("Grüße <b>&</b>", "/app/sign-in?\"x\"<");
        String page = new String(bytes, StandardCharsets.UTF_8);

        assertThat(page).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("<h1>Sign-in with Box failed</h1>")
                .contains("<p id=\"why\">Grüße &lt;b&gt;&amp;&lt;/b&gt;</p>")
                .contains("<a id=\"sign-in-again\" href=\"/app/sign-in?&quot;x&quot;&lt;\">Sign in again</a>");
    }
}
