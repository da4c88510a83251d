package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.math.BigDecimal;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;

/**
 * The JWT bearer grant ({@code urn:ietf:params:oauth:grant-type:jwt-bearer}) with Box's checks, in
 * Box's order, each failure with Box's error text. The order matters to clients: for example an
 * assertion signed with the wrong key must fail on the signature even when its {@code exp} is also
 * wrong, or a client would "fix" its clock instead of its key.
 */
public final class JwtBearerGrantHandler implements GrantHandler {

    /** The {@code aud} Box requires, whatever URL the token request was sent to. */
    static final String AUDIENCE = "https://api.box.com/oauth2/token";
    /** How far in the future Box accepts {@code exp}. */
    static final long MAX_EXP_SECONDS_AHEAD = 60;
    static final int MIN_JTI_LENGTH = 16;
    static final int MAX_JTI_LENGTH = 128;

    private final Directory directory;
    private final TokenIssuer issuer;
    private final EmulatorClock clock;
    private final JtiLedger jtis;

    public JwtBearerGrantHandler(Directory directory, TokenIssuer issuer, EmulatorClock clock, JtiLedger jtis) {
        this.directory = directory;
        this.issuer = issuer;
        this.clock = clock;
        this.jtis = jtis;
    }

    @Override
    public String grantType() {
        return "urn:ietf:params:oauth:grant-type:jwt-bearer";
    }

    @Override
    public Map<String, Object> grant(Form form) throws GrantRejected {
        AppRegistration app = ClientAuthentication.authenticate(directory, form, AppRegistration.Kind.JWT);
        Jws jws = verifiedAssertion(app, form.get("assertion"));
        Map<String, Object> claims = jws.claims();
        if (!app.clientId().equals(claims.get("iss"))) {
            throw GrantRejected.invalidGrant("iss", "Please check the 'iss' claim.");
        }
        if (!AUDIENCE.equals(claims.get("aud"))) {
            throw GrantRejected.invalidGrant("aud", "Please check the 'aud' claim.");
        }
        checkExp(claims.get("exp"), clock.now());
        checkJti(app, claims.get("jti"));
        Object subType = claims.get("box_sub_type");
        BoxUser subject = subject(app, subType, claims.get("sub"));
        return issuer.issue(AccessGrant.of(app, subject, "enterprise".equals(subType))).responseFields();
    }

    private static Jws verifiedAssertion(AppRegistration app, String assertion) throws GrantRejected {
        Jws jws;
        try {
            jws = Jws.parse(assertion);
        } catch (IllegalArgumentException e) {
            // Box reports an unreadable assertion as an unknown key: it cannot pick a key to verify with.
            throw kidInvalid();
        }
        PublicKey key = app.publicKey(jws.header("kid"));
        if (!jws.algorithmSupported() || !"JWT".equalsIgnoreCase(jws.header("typ")) || key == null) {
            throw kidInvalid();
        }
        if (!jws.verifies(key)) {
            throw GrantRejected.invalidGrant("signature", "Signature verification error. The public key identified"
                    + " by 'kid' must correspond to the private key used for signing.");
        }
        return jws;
    }

    private static GrantRejected kidInvalid() {
        return GrantRejected.invalidGrant("kid", "'kid' invalid, unable to lookup correct key.");
    }

    private static void checkExp(Object exp, Instant now) throws GrantRejected {
        if (!(exp instanceof BigDecimal expSeconds)) {
            throw GrantRejected.invalidGrant("exp", "Please check the 'exp' claim.");
        }
        // Exact, with the fraction of the current second: a client on Box's clock that sends
        // now + 60 truncated to whole seconds is always accepted, and now + 61 never.
        BigDecimal nowSeconds = BigDecimal.valueOf(now.getEpochSecond()).add(BigDecimal.valueOf(now.getNano(), 9));
        if (expSeconds.compareTo(nowSeconds) <= 0) {
            throw GrantRejected.invalidGrant("exp",
                    "Current date time must be before the expiration date time listed in the 'exp' claim.");
        }
        if (expSeconds.compareTo(nowSeconds.add(BigDecimal.valueOf(MAX_EXP_SECONDS_AHEAD))) > 0) {
            throw GrantRejected.invalidGrant("exp", "Please check the 'exp' claim. The 'exp' value exceeds the"
                    + " maximum value of 60 seconds beyond the issue time.");
        }
    }

    private void checkJti(AppRegistration app, Object jti) throws GrantRejected {
        // The jti is spent once it passes this check, even if the sub check below fails: a client
        // must never resend an assertion, whatever went wrong with it.
        if (!(jti instanceof String value) || value.length() < MIN_JTI_LENGTH || value.length() > MAX_JTI_LENGTH
                || !jtis.firstUse(app.clientId(), value)) {
            throw GrantRejected.invalidGrant("jti", "Please check the 'jti' claim. A unique 'jti' value is required.");
        }
    }

    private BoxUser subject(AppRegistration app, Object subType, Object sub) throws GrantRejected {
        String subject = sub instanceof BigDecimal number ? number.toPlainString() : sub instanceof String s ? s : null;
        if ("enterprise".equals(subType) && app.enterpriseId() != null && app.enterpriseId().equals(subject)) {
            return app.serviceAccount();
        }
        if ("user".equals(subType)) {
            if (!app.userTokensEnabled()) {
                throw new GrantRejected("user_tokens_disabled", "invalid_request",
                        "Cannot obtain user token based on the enterprise configuration for your app.");
            }
            BoxUser user = directory.member(app, subject);
            if (user != null) {
                return user;
            }
        }
        throw GrantRejected.invalidGrant("sub", "Please check the 'sub' claim. The 'sub' specified is invalid.");
    }
}
