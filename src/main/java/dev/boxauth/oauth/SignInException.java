package dev.boxauth.oauth;

import dev.boxauth.BoxAuthException;
import java.util.Objects;

/**
 * The callback of a sign-in cannot be completed; the user should start again. {@link #reason()} says why
 * in a form the web layer can switch on or show; the message never holds the code, the state or a token.
 *
 * <p>Configuration problems found during sign-in (wrong client secret, Box unreachable) are not sign-in
 * failures of the user: they surface as {@link dev.boxauth.BoxTokenException} or
 * {@link BoxAuthException}.
 */
public class SignInException extends BoxAuthException {

    private static final long serialVersionUID = 1L;

    /** Why a sign-in callback was refused. */
    public enum Reason {
        /** The callback carried no {@code state}. */
        STATE_MISSING("state_missing"),
        /**
         * This application never issued the {@code state}, it was forgotten (more than the configured
         * maximum of pending sign-ins), or another instance issued it (see {@link BoxOAuth#startSignIn()}).
         */
        STATE_UNKNOWN("state_unknown"),
        /** The {@code state} was already used by an earlier callback: a replayed or double-submitted callback. */
        STATE_REUSED("state_reused"),
        /** The sign-in took longer than {@link BoxOAuthConfig#signInTimeout()}. */
        STATE_EXPIRED("state_expired"),
        /** The user clicked "Deny" on Box's page ({@code error=access_denied}). */
        ACCESS_DENIED("access_denied"),
        /** Box's authorize page redirected back with another {@code error}, usually a configuration problem. */
        AUTHORIZE_FAILED("authorize_failed"),
        /** The callback carried neither {@code code} nor {@code error}. */
        CODE_MISSING("code_missing"),
        /**
         * Box refused the code ({@code invalid_grant}): it was used already, it expired (codes live some
         * seconds), or the redirect URI does not match the one the sign-in started with.
         */
        CODE_REJECTED("code_rejected");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** A short, stable, lower-case code such as {@code state_expired}, for logs and error pages. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what happened and what to do, without secrets
     * @param cause what Box answered, or {@code null}
     */
    public SignInException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the callback was refused. */
    public Reason reason() {
        return reason;
    }
}
