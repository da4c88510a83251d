package dev.boxauth.emulator.internal;

import java.util.List;
import java.util.Map;

/** The OAuth 2.0 code exchange ({@code authorization_code}): a code from the consent page for a token pair. */
public final class AuthorizationCodeGrantHandler implements GrantHandler {

    private final Directory directory;
    private final AuthorizationCodes codes;
    private final RefreshTokens pairs;

    public AuthorizationCodeGrantHandler(Directory directory, AuthorizationCodes codes, RefreshTokens pairs) {
        this.directory = directory;
        this.codes = codes;
        this.pairs = pairs;
    }

    @Override
    public String grantType() {
        return "authorization_code";
    }

    @Override
    public Map<String, Object> grant(Form form) throws GrantRejected {
        AppRegistration app = ClientAuthentication.authenticate(directory, form, AppRegistration.Kind.OAUTH);
        AuthorizationCodes.Code code = codes.redeem(app.clientId(), form.get("code"));
        String redirectUri = form.get("redirect_uri");
        if (redirectUri != null && !redirectUri.equals(code.redirectUri())) {
            throw GrantRejected.invalidGrant("code_redirect_uri", AuthorizationCodes.INVALID);
        }
        return pairs.issuePair(new AccessGrant(code.user(), app.clientId(), code.scopes(), false, List.of()));
    }
}
