package dev.boxauth.emulator;

import com.box.sdkgen.networking.baseurls.BaseUrls;
import com.box.sdkgen.networking.boxnetworkclient.BoxNetworkClient;
import com.box.sdkgen.networking.network.NetworkSession;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Box's generated Java SDK ({@code com.box.sdkgen}) pointed at an emulator over TLS, for the conformance
 * test and the benchmarks: nothing JVM-wide is changed.
 */
public final class SdkgenSessions {

    private SdkgenSessions() {
    }

    /**
     * The emulator's URLs as {@code BaseUrls} (token and revoke live under {@code baseUrl}), and an OkHttp
     * client that trusts its certificate, as the session's {@code BoxNetworkClient}.
     */
    public static NetworkSession toEmulator(BoxEmulator box) {
        X509TrustManager trust = BoxEmulator.clientTrustManager();
        SSLContext tls;
        try {
            tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        OkHttpClient okHttp = BoxNetworkClient.getDefaultOkHttpClientBuilder()
                .sslSocketFactory(tls.getSocketFactory(), trust).build();
        return new NetworkSession.Builder()
                .baseUrls(new BaseUrls.Builder().baseUrl(box.baseUrl().toString())
                        .uploadUrl(box.baseUrl() + "/api").oauth2Url(box.baseUrl() + "/api/oauth2").build())
                .networkClient(new BoxNetworkClient(okHttp)).build();
    }
}
