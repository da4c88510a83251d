package dev.boxauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

/** The one way every token-endpoint failure must look: 400, Box's JSON shape, one failure of one kind. */
final class Rejections {

    private Rejections() {
    }

    static void assertRejected(BoxEmulator box, HttpResponse<String> response, String error, String description,
            String kind) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(TokenClient.json(response)).containsExactly(
                Map.entry("error", error), Map.entry("error_description", description));
        assertThat(box.errors()).as("one failure counted, under %s", kind).isEqualTo(Map.of(kind, 1));
    }
}
