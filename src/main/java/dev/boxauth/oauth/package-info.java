/**
 * Box OAuth 2.0 for plain Java: sign users in ({@link dev.boxauth.oauth.BoxOAuth}), keep their single-use
 * refresh tokens in a shared {@link dev.boxauth.oauth.BoxTokenStore}, and get a
 * {@link dev.boxauth.BoxTokenProvider} per signed-in user. No Jakarta types: web layers build on this.
 */
package dev.boxauth.oauth;
