/**
 * The OAuth 2.0 implementation behind {@link dev.boxauth.oauth.BoxOAuth}: sign-in states, the code and
 * refresh grants, and {@link dev.boxauth.internal.oauth.UserTokens}, which coordinates single-use refresh
 * tokens with other instances through the shared store. Not an API: may change in any release.
 */
package dev.boxauth.internal.oauth;
