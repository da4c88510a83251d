package dev.boxauth;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.BoxUser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The emulator's Client Credentials, token exchange and revocation API, which another change adds in
 * parallel ({@code BoxEmulator.createCcgApp()}, {@code CcgApp}, {@code tokenExchanges()},
 * {@code revocations()}, {@code EmulatedApp.scopes(String...)}), reached by name so that the tests that
 * need it compile before it lands. Once it has, call it directly and delete this class.
 */
final class PendingEmulatorApi {

    private PendingEmulatorApi() {
    }

    /** A Client Credentials app, as {@code BoxEmulator.createCcgApp()} makes it. */
    record CcgApp(Object app) {

        String clientId() {
            return (String) call(app, "clientId");
        }

        String clientSecret() {
            return (String) call(app, "clientSecret");
        }

        String enterpriseId() {
            return (String) call(app, "enterpriseId");
        }

        BoxUser serviceAccount() {
            return (BoxUser) call(app, "serviceAccount");
        }

        /** An App User of the app's enterprise. */
        BoxUser createUser(String name) {
            return (BoxUser) call(app, "createUser", name);
        }

        /** A managed user of the app's enterprise, which App Access Only does not reach. */
        BoxUser createManagedUser(String name) {
            return (BoxUser) call(app, "createManagedUser", name);
        }

        void appAccessOnly(boolean appAccessOnly) {
            call(app, "appAccessOnly", appAccessOnly);
        }
    }

    static CcgApp createCcgApp(BoxEmulator box) {
        return new CcgApp(call(box, "createCcgApp"));
    }

    /** Token exchanges answered with a downscoped token. */
    static int tokenExchanges(BoxEmulator box) {
        return (Integer) call(box, "tokenExchanges");
    }

    /** Revocation requests answered 200. */
    static int revocations(BoxEmulator box) {
        return (Integer) call(box, "revocations");
    }

    /** The scopes that tokens of {@code app} (a JWT or CCG app) carry from now on. */
    static void scopes(Object app, String... scopes) {
        call(app, "scopes", (Object) scopes);
    }

    private static Object call(Object target, String name, Object... args) {
        Method method = Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the emulator has no " + target.getClass().getSimpleName()
                        + "." + name + " with " + args.length + " parameter(s) yet"));
        try {
            return method.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        }
    }
}
