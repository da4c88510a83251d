package dev.boxauth.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.x requests from one connection: request line, header fields, and a body framed by
 * {@code Content-Length}. Chunked bodies are not supported (411): {@code java.net.http.HttpClient}
 * and browsers always send a length for form posts.
 */
final class RequestReader {

    /** Request line plus header fields; a client that sends more is broken or hostile. */
    static final int MAX_HEAD_BYTES = 16 * 1024;

    /** Far above any token request; bounds memory per connection. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final InputStream in;

    RequestReader(InputStream in) {
        this.in = in;
    }

    /** A request with its head read and its body not yet read. */
    record Head(String method, String path, String query, String version, Headers headers, int contentLength) {

        HttpRequest withBody(byte[] body) {
            return new HttpRequest(method, path, query, version, headers, body);
        }

        boolean expectsContinue() {
            return contentLength > 0 && headers.hasToken("Expect", "100-continue");
        }
    }

    /**
     * Reads the next request line and header fields.
     *
     * @return the head, or {@code null} if the client closed the connection between requests
     * @throws HttpProtocolException if the request is malformed or too large
     * @throws IOException if the connection fails or ends in the middle of a request
     */
    Head readHead() throws IOException, HttpProtocolException {
        int[] budget = {MAX_HEAD_BYTES};
        String requestLine;
        // RFC 9112 section 2.2: ignore empty lines before the request line.
        do {
            requestLine = readLine(budget, true);
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.isEmpty());

        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new HttpProtocolException(400, "Malformed request line");
        }
        String version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new HttpProtocolException(505, "HTTP version not supported");
        }
        String target = originForm(parts[1]);
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);

        Headers headers = new Headers();
        String line;
        while (!(line = readLine(budget, false)).isEmpty()) {
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new HttpProtocolException(400, "Obsolete header line folding");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).chars().anyMatch(c -> c == ' ' || c == '\t')) {
                throw new HttpProtocolException(400, "Malformed header field");
            }
            headers.add(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return new Head(parts[0], path, query, version, headers, contentLength(headers));
    }

    /** Reads the body announced by the head. */
    byte[] readBody(Head head) throws IOException {
        byte[] body = in.readNBytes(head.contentLength());
        if (body.length != head.contentLength()) {
            throw new EOFException("Connection closed in the middle of a request body");
        }
        return body;
    }

    private static String originForm(String target) throws HttpProtocolException {
        if (target.startsWith("/")) {
            return target;
        }
        // Absolute form is what proxies receive; accept it so a client configured with a proxy
        // pointing at the emulator still works.
        if (target.startsWith("http://") || target.startsWith("https://")) {
            try {
                URI uri = new URI(target);
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            } catch (java.net.URISyntaxException e) {
                throw new HttpProtocolException(400, "Malformed request target");
            }
        }
        throw new HttpProtocolException(400, "Malformed request target");
    }

    private static int contentLength(Headers headers) throws HttpProtocolException {
        var lengths = headers.all("Content-Length");
        boolean transferEncoded = !headers.all("Transfer-Encoding").isEmpty();
        if (transferEncoded && lengths.isEmpty()) {
            throw new HttpProtocolException(411, "Length Required");
        }
        if (transferEncoded) {
            // Both framings at once is the classic request-smuggling shape; refuse rather than pick one.
            throw new HttpProtocolException(400, "Both Transfer-Encoding and Content-Length");
        }
        if (lengths.isEmpty()) {
            return 0;
        }
        if (lengths.size() > 1 || !lengths.get(0).matches("[0-9]{1,10}")) {
            throw new HttpProtocolException(400, "Invalid Content-Length");
        }
        long length = Long.parseLong(lengths.get(0));
        if (length > MAX_BODY_BYTES) {
            throw new HttpProtocolException(413, "Request body too large");
        }
        return (int) length;
    }

    /**
     * Reads one line ending in CRLF (or a bare LF), charging its bytes to {@code budget}.
     *
     * @param eofAllowed whether a clean end of stream before the first byte means "no more requests"
     */
    private String readLine(int[] budget, boolean eofAllowed) throws IOException, HttpProtocolException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("Connection closed in the middle of a request head");
            }
            if (--budget[0] < 0) {
                throw new HttpProtocolException(431, "Request header fields too large");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }
}
