package dev.boxauth.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void parse_readsEveryKindOfValue() {
        Object value = Json.parse(" {\"s\":\"x\",\"n\":-12.5e2,\"i\":0,\"t\":true,\"f\":false,\"z\":null,"
                + "\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "x");
        expected.put("n", new BigDecimal("-12.5e2"));
        expected.put("i", BigDecimal.ZERO);
        expected.put("t", true);
        expected.put("f", false);
        expected.put("z", null);
        expected.put("a", List.of(BigDecimal.ONE, List.of(), Map.of()));
        expected.put("o", Map.of("k", "v"));
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void parse_keepsMemberOrder() {
        assertThat(Json.parseObject("{\"b\":1,\"a\":2}").keySet()).containsExactly("b", "a");
    }

    @Test
    void parse_decodesEscapes() {
        assertThat(Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\uD83D\\uDE00\""))
                .isEqualTo("q\" b\\ s/ \b\f\n\r\t \u00e9\uD83D\uDE00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1,}", "[1,]", "01", "-", "1.", "1e", ".5", "+1", "tru", "nul",
            "\"open", "\"bad \\x escape\"", "\"\\u12\"", "{\"a\" 1}", "{a:1}", "{\"a\":1} x", "[1 2]",
            "\"tab\tinside\"", "{\"a\":1,\"a\":2}"})
    void parse_rejectsMalformedJson(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_rejectsNestingDeepEnoughToOverflowTheStack() {
        char[] open = new char[10_000];
        Arrays.fill(open, '[');

        assertThatThrownBy(() -> Json.parse(new String(open))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void parseObject_rejectsOtherValues() {
        assertThatThrownBy(() -> Json.parseObject("[]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorMessages_doNotRepeatTheInput() {
        assertThatThrownBy(() -> Json.parse("{\"secret\":\"hunter2\"")).hasMessageNotContaining("hunter2");
    }

    @Test
    void write_escapesWhatJsonRequires() {
        assertThat(Json.write("a\"b\\c\nd\re\tf\u0001g/\u00e9")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g/\u00e9\"");
    }

    @Test
    void write_writesObjectsArraysAndScalarsInOrder() {
        Map<String, Object> object = Json.object("s", "x", "i", 3, "l", 4L, "d", new BigDecimal("1.50"),
                "b", true, "z", null, "a", List.of(1, "two"));

        assertThat(Json.write(object)).isEqualTo("{\"s\":\"x\",\"i\":3,\"l\":4,\"d\":1.50,\"b\":true,\"z\":null,"
                + "\"a\":[1,\"two\"]}");
    }

    @Test
    void writeThenParse_givesTheSameText() {
        String text = "{\"k\":[\"line\\nbreak\",{\"n\":null}],\"e\":\"\\u0000\"}";

        assertThat(Json.write(Json.parse(text))).isEqualTo(text);
    }

    @Test
    void write_rejectsTypesItDoesNotKnow() {
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
