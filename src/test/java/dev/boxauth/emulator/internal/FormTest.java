package dev.boxauth.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormTest {

    @Test
    void parse_decodesPlusAndPercentEscapesAsUtf8() {
        Form form = Form.parse("a=x+y&b=%2B%26%3D&c=%C3%A9&empty=&bare");

        assertThat(form.get("a")).isEqualTo("x y");
        assertThat(form.get("b")).isEqualTo("+&=");
        assertThat(form.get("c")).isEqualTo("\u00e9");
        assertThat(form.get("empty")).isEmpty();
        assertThat(form.get("bare")).isEmpty();
        assertThat(form.get("missing")).isNull();
    }

    @Test
    void parse_rejectsAParameterSentTwice() {
        assertThatThrownBy(() -> Form.parse("a=1&a=2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_rejectsAMalformedEscape() {
        assertThatThrownBy(() -> Form.parse("a=%G1")).isInstanceOf(IllegalArgumentException.class);
    }
}
