package dev.boxauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.emulator.BoxEmulator;
import dev.boxauth.emulator.JwtApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After close() nothing of box-auth keeps running: no refresh thread is left, whatever ran before. */
class ProviderCloseTest {

    @Test
    void close_leavesNoBoxAuthThreadRunning_afterRefreshesForTheAppAndItsUsers() throws Exception {
        List<Thread> before = boxAuthThreads(List.of());
        try (BoxEmulator box = BoxEmulator.start()) {
            JwtApp app = box.createJwtApp();
            BoxTokenProvider provider = BoxAuth.fromProperties(Map.of("box.auth.config", app.configJson(),
                    "box.auth.token-url", box.tokenUrl()));
            provider.accessToken();
            provider.forUser(app.createUser("Ada").id()).accessToken();
            List<Thread> started = boxAuthThreads(before);
            assertThat(started).isNotEmpty();

            provider.close();

            for (Thread thread : started) {
                thread.join(10_000);
            }
            assertThat(boxAuthThreads(before)).isEmpty();
        }
    }

    /** Live threads of box-auth, other than {@code earlier} ones (of providers other tests left open). */
    private static List<Thread> boxAuthThreads(List<Thread> earlier) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("box-auth-") && t.isAlive() && !earlier.contains(t)).toList();
    }
}
