package dev.boxauth.emulator;

import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh emulator per test with one JWT app registered under the shared test key. */
abstract class EmulatorWithApp {

    /** One client for the whole run: creating one per test costs more than the tests. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    BoxEmulator box;
    TokenClient client;
    JwtApp app;

    @BeforeEach
    void startEmulator() {
        box = BoxEmulator.start();
        client = new TokenClient(box, HTTP);
        app = box.registerJwtApp("clientid0000000000000000000000001", "secret-1", "111222333", "kid00001",
                TestKeys.APP.getPublic());
    }

    @AfterEach
    void stopEmulator() {
        box.close();
    }
}
