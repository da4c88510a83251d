package dev.boxauth.it.smoke;

/** The smoke resource's answer, serialised by JSON-B. */
public record Greeting(String message) {
}
