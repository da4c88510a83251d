package dev.boxauth.emulator;

import dev.boxauth.emulator.internal.AppRegistration;
import dev.boxauth.emulator.internal.Directory;

/**
 * A Box app using the Client Credentials Grant, registered with a {@link BoxEmulator}: a client id and
 * secret, an enterprise and its Service Account, and the settings an admin controls. Starts authorized,
 * with "App + Enterprise Access", user tokens enabled and without "Perform actions as users".
 *
 * <p>Every refused token request gets Box's single answer, {@code invalid_grant} "Grant credentials are
 * invalid"; {@link BoxEmulator#errors()} tells the causes apart ({@code ccg_credentials},
 * {@code ccg_unauthorized}, {@code ccg_subject}).
 *
 * <p>{@link #toString()} shows the client id and enterprise id only, never the secret.
 */
public final class CcgApp extends EmulatedApp {

    CcgApp(AppRegistration registration, Directory directory) {
        super(registration, directory);
    }

    /** The user that enterprise tokens act as. */
    public BoxUser serviceAccount() {
        return registration.serviceAccount();
    }

    /**
     * Sets whether the enterprise admin has authorized the app; when not, every token request fails
     * ({@code ccg_unauthorized}). Takes effect for the next request.
     */
    public void authorized(boolean authorized) {
        registration.authorized(authorized);
    }

    /**
     * Sets "App Access Only" (on) or "App + Enterprise Access" (off, the default). With App Access Only
     * the app still gets enterprise tokens (its Service Account) and tokens for its App Users, but not for
     * managed users ({@code ccg_subject}), and may not act as them with {@code As-User} (403), as Box's
     * client-credentials guide says.
     */
    public void appAccessOnly(boolean appAccessOnly) {
        registration.appAccessOnly(appAccessOnly);
    }

    /**
     * Sets the app's "Generate user access tokens" setting; when off, {@code box_subject_type=user} fails
     * ({@code ccg_subject}). Default on. Takes effect for the next request.
     */
    public void userTokensEnabled(boolean enabled) {
        registration.userTokensEnabled(enabled);
    }

    /**
     * Sets the app's "Perform actions as users" setting: with it, the API accepts an {@code As-User}
     * header with an enterprise token; without it (the default) such a request gets 403
     * {@code access_denied_insufficient_permissions}.
     */
    public void performActionsAsUsers(boolean enabled) {
        registration.performActionsAsUsers(enabled);
    }

    /**
     * Creates an App User of this app's enterprise, usable as {@code box_subject_id} with
     * {@code box_subject_type=user} and as {@code As-User}, whatever the application access.
     */
    public BoxUser createUser(String name) {
        return directory.createMember(registration, name);
    }

    /**
     * Creates a managed user (a person with a Box login) of this app's enterprise: usable as the subject
     * of a user token or as {@code As-User} only without App Access Only.
     */
    public BoxUser createManagedUser(String name) {
        return directory.createManagedMember(registration, name);
    }
}
