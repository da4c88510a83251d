package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** {@link BoxEmulator#clientTrustManager()}: the emulator's certificate and nothing else, for OkHttp-style clients. */
class ClientTrustManagerTest {

    @Test
    void trustsExactlyTheEmulatorsCertificate() {
        X509TrustManager trust = BoxEmulator.clientTrustManager();

        assertThat(trust.getAcceptedIssuers()).hasSize(1);
        assertThat(trust.getAcceptedIssuers()[0].getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    }

    @Test
    void aContextBuiltOnIt_reachesTheHttpsEmulator() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {BoxEmulator.clientTrustManager()}, null);
        try (BoxEmulator box = BoxEmulator.startHttps()) {
            TokenClient client = new TokenClient(box, HttpClient.newBuilder().sslContext(tls).build());

            assertThat(client.usersMe("Bearer none").statusCode()).isEqualTo(401);
        }
    }
}
