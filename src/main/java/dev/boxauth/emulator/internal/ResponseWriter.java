package dev.boxauth.emulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Serializes responses, adding the fields every response must carry. */
final class ResponseWriter {

    /**
     * IMF-fixdate (RFC 9110 section 5.6.7), the RFC 1123 form HTTP requires. Not
     * {@link DateTimeFormatter#RFC_1123_DATE_TIME}: that one drops the leading zero of the day.
     * English names whatever the default locale, since clients parse them.
     */
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(302, "Found"), Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(411, "Length Required"),
            Map.entry(413, "Content Too Large"), Map.entry(429, "Too Many Requests"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"));

    private ResponseWriter() {
    }

    /**
     * Writes {@code response}.
     *
     * @param now the emulator's clock reading for the {@code Date} field
     * @param connection the {@code Connection} field value, or {@code null} for none
     * @param withBody {@code false} for HEAD requests: the length is announced, the body not sent
     */
    static void write(OutputStream out, HttpResponse response, Instant now, String connection, boolean withBody)
            throws IOException {
        writeHead(out, response.status(), response.contentType(), response.body().length, response.headers(), now,
                connection);
        if (withBody) {
            out.write(response.body());
        }
        out.flush();
    }

    /**
     * Writes the status line and header fields, announcing {@code contentLength}, without flushing: the
     * body, or what a fault sends instead, follows.
     *
     * @param contentType the {@code Content-Type} value, or {@code null} for none
     * @param connection the {@code Connection} field value, or {@code null} for none
     */
    static void writeHead(OutputStream out, int status, String contentType, long contentLength,
            List<Map.Entry<String, String>> headers, Instant now, String connection) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(REASONS.getOrDefault(status, "Status"))
                .append("\r\n");
        field(head, "Date", HTTP_DATE.format(now));
        if (contentType != null) {
            field(head, "Content-Type", contentType);
        }
        field(head, "Content-Length", Long.toString(contentLength));
        for (Map.Entry<String, String> header : headers) {
            field(head, header.getKey(), header.getValue());
        }
        if (connection != null) {
            field(head, "Connection", connection);
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The interim answer to {@code Expect: 100-continue}. */
    static void writeContinue(OutputStream out) throws IOException {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void field(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }
}
