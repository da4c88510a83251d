package dev.boxauth.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Looking for the server's OpenTelemetry never fails: where none can be had, there are no metrics. */
class ServerOpenTelemetryTest {

    @Test
    void find_withTheApiButNoCdiContainer_isNoneRatherThanAFailure() throws Exception {
        assertThat(Class.forName("io.opentelemetry.api.OpenTelemetry")).isNotNull();

        assertThat(ServerOpenTelemetry.find()).isNull();
    }
}
