package dev.boxauth.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection (TLS or, to the emulator on loopback, plain), used by one exchange at a time.
 * Every read waits no longer than what is left of the exchange's deadline, so that a server that sends
 * slowly, byte by byte, cannot hold a caller past it; headers and body are capped in size.
 */
final class HttpConnection implements AutoCloseable {

    /** Longest header line, and all header lines of one answer together. */
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEAD = 64 * 1024;

    private final String origin;
    private final Socket socket;
    private final Socket raw;
    /** Plain HTTP through a proxy, whose requests name the whole URL. */
    private final boolean viaProxy;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[8 * 1024];
    private int position;
    private int limit;
    /** {@link System#nanoTime()} by which the current exchange must be over. */
    private long deadline;
    private long idleSince;
    /** Whether the current answer's first byte has come: before it, a reused connection may have gone stale. */
    private boolean answered;

    /**
     * @param socket the connection, TLS or plain
     * @param raw the TCP socket under it (the same for plain HTTP)
     */
    HttpConnection(String origin, Socket socket, Socket raw, boolean viaProxy) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.raw = raw;
        this.viaProxy = viaProxy;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    String origin() {
        return origin;
    }

    /** The request target for {@code url}: its path and query, or the whole URL to a proxy. */
    String target(URI url) {
        if (viaProxy) {
            return url.getScheme() + "://" + BoxHttpRequest.hostHeader(url) + pathAndQuery(url);
        }
        return pathAndQuery(url);
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /**
     * Sends {@code request} and reads the whole answer.
     *
     * @param deadline {@link System#nanoTime()} by which the answer must be read
     * @param maxBody the largest body accepted
     * @return the answer, and whether the connection can carry another exchange
     * @throws SocketTimeoutException when the deadline passes
     * @throws BodyTooLargeException when the body is larger than {@code maxBody}
     */
    Answer exchange(byte[] request, long deadline, int maxBody) throws IOException {
        answered = false;
        Head head = send(request, deadline);
        int status = head.status();
        Map<String, String> headers = head.headers();
        boolean keepAlive = head.statusLine().startsWith("HTTP/1.1")
                && !hasToken(headers.get("connection"), "close");
        String transferEncoding = headers.get("transfer-encoding");
        String contentLength = headers.get("content-length");
        byte[] body;
        if (status == 204 || status == 304) {
            body = new byte[0];
        } else if (transferEncoding != null) {
            if (!hasToken(transferEncoding, "chunked")) {
                throw new ProtocolException("an answer in a transfer coding other than chunked: " + transferEncoding);
            }
            body = chunked(maxBody);
        } else if (contentLength != null) {
            body = fixed(length(contentLength), maxBody);
        } else {
            body = untilClosed(maxBody);
            keepAlive = false;
        }
        idleSince = System.nanoTime();
        return new Answer(new BoxHttpResponse(status, headers, new String(body, StandardCharsets.UTF_8)), keepAlive);
    }

    /**
     * Sends a proxy's {@code CONNECT} request and reads the head of its answer, leaving the connection
     * ready for the tunnelled bytes.
     *
     * @return the proxy's status
     */
    int tunnel(byte[] connect, long deadline) throws IOException {
        return send(connect, deadline).status();
    }

    /** The status line, status and headers of an answer. */
    private record Head(String statusLine, int status, Map<String, String> headers) {
    }

    /** Sends {@code request} and reads the head of the answer, past any interim answer, by {@code deadline}. */
    private Head send(byte[] request, long deadline) throws IOException {
        this.deadline = deadline;
        out.write(request);
        out.flush();
        while (true) {
            String statusLine = line();
            int status = status(statusLine);
            Map<String, String> headers = headers();
            if (status >= 200 || status == 101) {
                return new Head(statusLine, status, headers);
            }
            // An interim answer (100 Continue, 103 Early Hints): the real one follows.
        }
    }

    /** An answer and whether its connection can be used again. */
    record Answer(BoxHttpResponse response, boolean reusable) {
    }

    /** Whether the answer to the current exchange had begun to arrive when it failed. */
    boolean answered() {
        return answered;
    }

    /**
     * Whether this idle connection may carry another exchange: it has been idle less than
     * {@code maxIdleNanos}, is open, and no byte came on it since its last answer. A server sends nothing
     * unasked but the end of the connection (TLS's close_notify), which TLS only reads when asked to read
     * application data, so the TCP socket under it is asked.
     */
    boolean reusable(long maxIdleNanos) {
        try {
            return System.nanoTime() - idleSince < maxIdleNanos && !socket.isClosed() && position == limit
                    && raw.getInputStream().available() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int status(String line) throws ProtocolException {
        // HTTP/1.x SSS reason
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        try {
            int status = Integer.parseInt(line.substring(9, 12));
            if (status < 100 || status > 599) {
                throw new ProtocolException("an HTTP status out of range");
            }
            return status;
        } catch (NumberFormatException e) {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
    }

    /** Header lines up to the empty line: names in lower case; of a repeated name, the last value. */
    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new HashMap<>();
        int size = 0;
        String last = null;
        for (String line = line(); !line.isEmpty(); line = line()) {
            size += line.length();
            if (size > MAX_HEAD) {
                throw new ProtocolException("the answer's headers are larger than " + MAX_HEAD / 1024 + " KiB");
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                headers.merge(last, " " + line.strip(), String::concat); // obsolete line folding
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("a header line without a name");
            }
            last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.put(last, line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static boolean hasToken(String value, String token) {
        if (value == null) {
            return false;
        }
        for (String part : value.split(",")) {
            if (part.strip().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    private static long length(String value) throws ProtocolException {
        try {
            long length = Long.parseLong(value);
            if (length < 0) {
                throw new ProtocolException("a negative Content-Length");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new ProtocolException("a Content-Length that is not a number");
        }
    }

    private byte[] fixed(long length, int maxBody) throws IOException {
        if (length > maxBody) {
            throw new BodyTooLargeException(maxBody);
        }
        byte[] body = new byte[(int) length];
        read(body, 0, body.length);
        return body;
    }

    private byte[] chunked(int maxBody) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int extension = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("a chunk size that is not a hexadecimal number");
            }
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailer fields: none that matter here
                }
                return body.toByteArray();
            }
            if (size < 0 || body.size() + size > maxBody) {
                throw new BodyTooLargeException(maxBody);
            }
            byte[] chunk = new byte[(int) size];
            read(chunk, 0, chunk.length);
            body.write(chunk, 0, chunk.length);
            if (!line().isEmpty()) {
                throw new ProtocolException("a chunk longer than its size");
            }
        }
    }

    private byte[] untilClosed(int maxBody) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (position < limit || fill()) {
            if (body.size() + (limit - position) > maxBody) {
                throw new BodyTooLargeException(maxBody);
            }
            body.write(buffer, position, limit - position);
            position = limit;
        }
        return body.toByteArray();
    }

    /** A line without its CR LF (a lone LF ends one too). */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection closed in the middle of the answer's head");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new ProtocolException("a line of the answer's head longer than " + MAX_LINE / 1024 + " KiB");
            }
            line.append((char) (b & 0xff));
        }
    }

    private void read(byte[] target, int offset, int length) throws IOException {
        while (length > 0) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection closed before the whole body came");
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    /** Reads what has come, waiting at most until the deadline; {@code false} at the end of the stream. */
    private boolean fill() throws IOException {
        socket.setSoTimeout(millisLeft(deadline));
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            return false;
        }
        answered = true;
        position = 0;
        limit = n;
        return true;
    }

    /**
     * What is left until {@code deadline}, in whole milliseconds for a socket timeout (at least 1, as 0
     * would mean no timeout).
     *
     * @throws SocketTimeoutException when the deadline has passed
     */
    static int millisLeft(long deadline) throws SocketTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("the deadline passed");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing frees the socket either way.
        }
    }

    @Override
    public String toString() {
        return "HttpConnection[" + origin + "]";
    }
}
