package dev.boxauth.internal.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a URL host is this machine's loopback interface, where plain http cannot leak a token. */
public final class Loopback {

    private Loopback() {
    }

    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!isIpLiteral(h)) {
            // A name other than localhost is never trusted: it could resolve elsewhere tomorrow.
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
