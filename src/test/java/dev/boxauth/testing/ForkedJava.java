package dev.boxauth.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class in a new JVM on the library's runtime classpath, as an application that depends on
 * box-auth has it: {@code target/classes}, the runtime dependencies (jose4j with its {@code slf4j-api} and
 * the {@code slf4j-jdk14} binding) and the test classes, but none of the test dependencies
 * nor the optional JCache API.
 */
public final class ForkedJava {

    /** File name prefixes of the runtime dependencies in the test classpath (the pom's compile and runtime scopes). */
    public static final List<String> RUNTIME_JARS = List.of("jose4j-", "slf4j-api-", "slf4j-jdk14-");

    /** What the forked JVM did. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private ForkedJava() {
    }

    /** The runtime classpath entries: the library's classes, its runtime dependencies, the test classes. */
    public static List<String> runtimeClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (entry.endsWith("target" + File.separator + "classes")
                    || entry.endsWith("target" + File.separator + "test-classes")
                    || RUNTIME_JARS.stream().anyMatch(name::startsWith)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /**
     * Runs {@code mainClass} with {@code args} and the given environment (only {@code PATH}, {@code HOME}
     * and {@code environment} are set, so that the caller's {@code BOX_AUTH_*} variables cannot leak in).
     */
    public static Result run(String mainClass, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, runtimeClasspath()));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        env.putAll(environment);
        Path out = Files.createTempFile("forked-java", ".out");
        Path err = Files.createTempFile("forked-java", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(mainClass + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Stream.of(out, err).forEach(f -> f.toFile().delete());
        }
    }
}
