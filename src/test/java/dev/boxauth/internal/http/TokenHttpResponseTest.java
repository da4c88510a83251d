package dev.boxauth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenHttpResponseTest {

    @Test
    void date_readsTheDateHeaderAsHttpSendsIt() {
        TokenHttpResponse answer = new TokenHttpResponse(400, "{}", " Mon, 30 Nov 2026 14:05:23 GMT", null);

        assertThat(answer.date()).isEqualTo(Instant.parse("2026-11-30T14:05:23Z"));
    }

    @Test
    void date_isNullWhenTheHeaderIsAbsentOrUnreadable() {
        assertThat(new TokenHttpResponse(400, "{}", null, null).date()).isNull();
        assertThat(new TokenHttpResponse(400, "{}", "yesterday", null).date()).isNull();
    }
}
