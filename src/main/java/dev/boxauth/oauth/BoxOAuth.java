package dev.boxauth.oauth;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.internal.oauth.OAuthClient;

/**
 * Box OAuth 2.0 (user authentication) for one Box app: signs users in through Box's authorize page, keeps
 * their tokens in a {@link BoxTokenStore}, and gives a {@link BoxTokenProvider} per signed-in user.
 *
 * <pre>{@code
 * BoxOAuth oauth = BoxOAuth.create(BoxOAuthConfig.builder()
 *         .clientId(id).clientSecret(secret)
 *         .redirectUri("https://app.example.com/box/callback")
 *         .build(), new InMemoryBoxTokenStore());
 *
 * // GET /box/sign-in
 * SignIn signIn = oauth.startSignIn();          // redirect the browser to signIn.authorizeUrl()
 * // GET /box/callback?code=…&state=…
 * SignedIn user = oauth.completeSignIn(code, state);
 * // any later request of that user
 * String token = oauth.forUser(user.boxUserId()).accessToken();
 * }</pre>
 *
 * <p><b>Refresh tokens are single-use.</b> Every refresh returns a new pair and invalidates the old refresh
 * token, so two instances refreshing with the same one would log the user out. Instances sharing a store
 * therefore take a lease on the stored pair (with {@link BoxTokenStore#compareAndSet}) before they refresh;
 * the others use the current access token while it lasts, or wait for the new pair. A new pair is stored
 * before the old is forgotten, and a refused refresh re-reads the store before it ends the sign-in.
 *
 * <p>Thread-safe. Sign-in {@code state}s are remembered in this instance's memory: in a cluster, the
 * callback must reach the instance that started the sign-in (sticky sessions), or sign-in must be started
 * and completed on one designated instance.
 */
public interface BoxOAuth extends AutoCloseable {

    /**
     * A {@link BoxOAuth} talking to Box over HTTPS.
     *
     * @param config the validated configuration
     * @param store where tokens live; share one store between the instances that serve the same users
     */
    static BoxOAuth create(BoxOAuthConfig config, BoxTokenStore store) {
        return OAuthClient.create(config, store);
    }

    /**
     * Starts a sign-in: a new random, single-use {@code state} (256 bits, base64url), remembered for
     * {@link BoxOAuthConfig#signInTimeout()}, and the authorize URL to redirect the browser to.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    SignIn startSignIn();

    /**
     * {@link #completeSignIn(String, String, String)} for a callback without {@code error}.
     */
    SignedIn completeSignIn(String code, String state);

    /**
     * Completes a sign-in from the callback's query parameters: checks and consumes {@code state}, exchanges
     * {@code code} for tokens (with the configured redirect URI, never one from the request), asks Box who
     * signed in ({@code GET /users/me}), and stores the tokens for that user, replacing earlier ones.
     *
     * @param code the {@code code} parameter, or {@code null}
     * @param state the {@code state} parameter, or {@code null}
     * @param error the {@code error} parameter, or {@code null} (Box sends {@code access_denied} when the
     *     user declines)
     * @throws SignInException when the callback cannot complete a sign-in; the user should start again
     * @throws dev.boxauth.BoxTokenException when Box refused the app's credentials or could not be reached
     * @throws dev.boxauth.BoxAuthException when Box did not say who signed in
     */
    SignedIn completeSignIn(String code, String state, String error);

    /**
     * The token provider of a signed-in user: one cache and at most one refresh in flight per user in this
     * instance, coordinated with other instances through the store. The same provider is returned for the
     * same user until {@link #signOut}; it is owned by this {@link BoxOAuth}, so its {@code close()} does
     * nothing. Its {@code forUser} and {@code downscope} throw {@link dev.boxauth.BoxAuthException} (not
     * available for OAuth 2.0 users); its {@code revoke()} signs the user out. Its {@code accessToken()}
     * throws {@link NotSignedInException} once the sign-in has ended.
     *
     * @param boxUserId the Box user id of {@link SignedIn#boxUserId()}
     * @throws NotSignedInException when the store holds nothing for this user
     */
    BoxTokenProvider forUser(String boxUserId);

    /**
     * Ends a user's sign-in: removes their tokens from the store, then revokes them at Box (best effort:
     * a failure is logged, the user is signed out all the same). Providers obtained earlier for this user
     * throw {@link NotSignedInException} from then on. Does nothing when the user is not signed in.
     */
    void signOut(String boxUserId);

    /** Stops background refreshes and releases threads; providers throw {@link IllegalStateException} afterwards. Idempotent. */
    @Override
    void close();
}
