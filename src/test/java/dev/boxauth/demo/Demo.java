package dev.boxauth.demo;

import dev.boxauth.cli.CheckCommand;

/**
 * {@code mvn -q test-compile exec:java}: the configuration check ({@link CheckCommand}, also
 * {@code java -jar target/box-auth-<version>-check.jar}) from the sources. With no {@code box.auth.*}
 * property or {@code BOX_AUTH_*} variable it checks an app of the embedded Box emulator, offline, and
 * says so first; otherwise it checks the configured app against Box ({@code -Dbox.auth.config-file=…}).
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        CheckCommand.main(args);
    }
}
