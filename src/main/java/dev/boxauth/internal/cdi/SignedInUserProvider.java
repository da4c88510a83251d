package dev.boxauth.internal.cdi;

import dev.boxauth.BoxAccessToken;
import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.Downscope;
import jakarta.enterprise.inject.spi.CDI;

/**
 * The application's {@code BoxTokenProvider} when its Box app uses OAuth 2.0: every call acts for the
 * user signed in in the current request's browser, so {@code BoxAuthFilter} and injected providers need
 * no change. Outside a request, or before sign-in, calls throw {@code NotSignedInException}.
 */
final class SignedInUserProvider implements BoxTokenProvider {

    private static BoxTokenProvider current() {
        return CDI.current().select(RequestUser.class).get().provider();
    }

    @Override
    public String accessToken() {
        return current().accessToken();
    }

    @Override
    public BoxAccessToken token() {
        return current().token();
    }

    @Override
    public void invalidate(String rejectedToken) {
        current().invalidate(rejectedToken);
    }

    @Override
    public BoxTokenProvider forUser(String userId) {
        throw new BoxAuthException("An OAuth 2.0 token acts for the user who signed in; forUser needs JWT or"
                + " Client Credentials (box.auth.method).");
    }

    @Override
    public BoxAccessToken downscope(Downscope request) {
        return current().downscope(request);
    }

    @Override
    public void revoke() {
        current().revoke();
    }

    /** The users' providers belong to the OAuth client, which the application's shutdown closes. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "BoxTokenProvider[the signed-in Box user of the current request]";
    }
}
