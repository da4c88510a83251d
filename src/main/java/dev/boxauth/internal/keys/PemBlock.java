package dev.boxauth.internal.keys;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PEM block: its headers ({@code Proc-Type}, {@code DEK-Info} of a traditional OpenSSL key) and its
 * body, decoded.
 */
record PemBlock(Map<String, String> headers, byte[] der) {

    /**
     * The block whose BEGIN line is {@code lines[from - 1]}.
     *
     * @param lines stripped lines
     * @throws KeyProblem not PEM: no matching END line, a header after the body began, or bad Base64
     */
    static PemBlock read(List<String> lines, int from, String label) throws KeyProblem {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder base64 = new StringBuilder();
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("-----END " + label + "-----")) {
                try {
                    return new PemBlock(headers, Base64.getDecoder().decode(base64.toString()));
                } catch (IllegalArgumentException e) {
                    throw PrivateKeys.notPem();
                }
            }
            int colon = line.indexOf(':');
            if (line.startsWith("-----") || (colon >= 0 && base64.length() > 0)) {
                break;
            }
            if (colon >= 0) {
                headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            } else {
                base64.append(line);
            }
        }
        throw PrivateKeys.notPem();
    }
}
