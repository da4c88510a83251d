package dev.boxauth.emulator.internal;

import java.util.Map;

/**
 * The refresh grant ({@code refresh_token}) with Box's rotation: every refresh answers a new access token
 * and a new refresh token, and the old refresh token is dead at once.
 */
public final class RefreshTokenGrantHandler implements GrantHandler {

    private final Directory directory;
    private final RefreshTokens pairs;
    private final Counters counters;

    public RefreshTokenGrantHandler(Directory directory, RefreshTokens pairs, Counters counters) {
        this.directory = directory;
        this.pairs = pairs;
        this.counters = counters;
    }

    @Override
    public String grantType() {
        return "refresh_token";
    }

    @Override
    public Map<String, Object> grant(Form form) throws GrantRejected {
        AppRegistration app = ClientAuthentication.authenticate(directory, form, AppRegistration.Kind.OAUTH);
        AccessGrant grant = pairs.redeem(app.clientId(), form.get("refresh_token"),
                counters.refreshTokenReuse::incrementAndGet);
        return pairs.issuePair(grant);
    }
}
