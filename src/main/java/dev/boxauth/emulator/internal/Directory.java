package dev.boxauth.emulator.internal;

import dev.boxauth.emulator.BoxUser;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The apps, enterprises and users the emulator knows. Thread-safe. */
public final class Directory {

    private final RandomIds random;
    private final Map<String, AppRegistration> apps = new ConcurrentHashMap<>();
    private final Map<String, BoxUser> users = new ConcurrentHashMap<>();
    /** Domain (see {@link AppRegistration#domain()}) to the ids of its users. */
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    /** Ids of managed users (people with a Box login), as opposed to App Users and Service Accounts. */
    private final Set<String> managedUsers = ConcurrentHashMap.newKeySet();
    /** Sequential, so ids are unique without retries; the start only makes them look like Box's. */
    private final AtomicLong nextUserId = new AtomicLong(20_000_000_001L);
    private final AtomicLong nextAppNumber = new AtomicLong(1_000_001L);

    public Directory(RandomIds random) {
        this.random = random;
    }

    /**
     * Registers a JWT app, authorized, with user tokens enabled, and its Service Account.
     *
     * @param enterpriseId {@code null} or {@code "0"} for an app that acts only as users
     * @throws IllegalArgumentException if the client id is taken or the key is not RSA-2048 or longer
     */
    public AppRegistration register(String clientId, String clientSecret, String enterpriseId, String keyId,
            PublicKey publicKey) {
        Objects.requireNonNull(keyId, "keyId");
        KeyMaterial.requireUsableRsa(Objects.requireNonNull(publicKey, "publicKey"));
        String enterprise = enterpriseId == null || enterpriseId.equals("0") ? null : enterpriseId;
        return add(AppRegistration.Kind.JWT, clientId, clientSecret, enterprise, Map.of(keyId, publicKey), List.of());
    }

    /** Registers a Client Credentials Grant app in a new enterprise, authorized, with its Service Account. */
    public AppRegistration registerCcg() {
        return add(AppRegistration.Kind.CCG, random.clientId(), random.secret(), newEnterpriseId(), Map.of(),
                List.of());
    }

    /**
     * Registers an OAuth 2.0 app in a new enterprise, with the redirect URIs as configured in the console
     * and no Service Account.
     */
    public AppRegistration registerOAuth(List<String> redirectUris) {
        return add(AppRegistration.Kind.OAUTH, random.clientId(), random.secret(), newEnterpriseId(), Map.of(),
                redirectUris);
    }

    private AppRegistration add(AppRegistration.Kind kind, String clientId, String clientSecret, String enterpriseId,
            Map<String, PublicKey> keys, List<String> redirectUris) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        BoxUser serviceAccount = null;
        if (kind != AppRegistration.Kind.OAUTH) {
            long appNumber = nextAppNumber.getAndIncrement();
            serviceAccount = newUser("Box Emulator App " + appNumber,
                    "AutomationUser_" + appNumber + "_" + random.alnum(10) + "@boxdevedition.com");
        }
        AppRegistration app = new AppRegistration(kind, clientId, clientSecret, enterpriseId, keys, serviceAccount,
                redirectUris);
        if (apps.putIfAbsent(clientId, app) != null) {
            throw new IllegalArgumentException("An app with client id " + clientId + " is already registered");
        }
        if (serviceAccount != null) {
            addMember(app, serviceAccount);
        }
        return app;
    }

    /** A new client secret, shaped as Box's. */
    public String newSecret() {
        return random.secret();
    }

    /** A new enterprise id that no registered app uses. */
    public String newEnterpriseId() {
        while (true) {
            String id = random.digits(9);
            if (apps.values().stream().noneMatch(app -> id.equals(app.enterpriseId()))) {
                return id;
            }
        }
    }

    /** A user outside every app's enterprise. */
    public BoxUser createUser(String name) {
        return newUser(name, loginFor(name));
    }

    /** An App User of {@code app}'s enterprise, usable as the subject of a user token. */
    public BoxUser createMember(AppRegistration app, String name) {
        BoxUser user = createUser(name);
        addMember(app, user);
        return user;
    }

    /** A managed user (a person with a Box login) of {@code app}'s enterprise. */
    public BoxUser createManagedMember(AppRegistration app, String name) {
        BoxUser user = createUser(name);
        managedUsers.add(user.id());
        addMember(app, user);
        return user;
    }

    /** The app with {@code clientId}, or {@code null}. */
    public AppRegistration app(String clientId) {
        return clientId == null ? null : apps.get(clientId);
    }

    /** The user {@code userId} if it belongs to {@code app}'s enterprise, else {@code null}. */
    public BoxUser member(AppRegistration app, String userId) {
        Set<String> ids = members.get(app.domain());
        return userId != null && ids != null && ids.contains(userId) ? users.get(userId) : null;
    }

    /** Whether this emulator created {@code user} (and it is not a look-alike from elsewhere). */
    public boolean knows(BoxUser user) {
        return user != null && user.equals(users.get(user.id()));
    }

    /** Whether {@code user} is a managed user, which "App Access Only" apps may not act as. */
    public boolean isManaged(BoxUser user) {
        return managedUsers.contains(user.id());
    }

    private BoxUser newUser(String name, String login) {
        BoxUser user = new BoxUser(Long.toString(nextUserId.getAndIncrement()), name, login);
        users.put(user.id(), user);
        return user;
    }

    private void addMember(AppRegistration app, BoxUser user) {
        members.computeIfAbsent(app.domain(), d -> ConcurrentHashMap.newKeySet()).add(user.id());
    }

    /** {@code name@example.com}, with the name made safe for an email address's local part. */
    private static String loginFor(String name) {
        String local = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", ".").replaceAll("[^a-z0-9._-]", "");
        return (local.isEmpty() ? "user" : local) + "@example.com";
    }
}
