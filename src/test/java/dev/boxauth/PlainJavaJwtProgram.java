package dev.boxauth;

import java.util.Map;

/**
 * A plain-Java program that gets one JWT token, as a user's would: run by {@link PlainJavaConsoleTest} in
 * its own JVM. Its configuration comes from {@code BOX_AUTH_CONFIG}, {@code BOX_AUTH_TOKEN_URL}.
 */
public final class PlainJavaJwtProgram {

    private PlainJavaJwtProgram() {
    }

    public static void main(String[] args) {
        try (BoxTokenProvider box = BoxAuth.fromProperties(Map.of(
                BoxAuthProperties.CONFIG, System.getenv("BOX_AUTH_CONFIG"),
                BoxAuthProperties.TOKEN_URL, System.getenv("BOX_AUTH_TOKEN_URL")))) {
            box.accessToken();
            System.out.println("token obtained");
        }
    }
}
