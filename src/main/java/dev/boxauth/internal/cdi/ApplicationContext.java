package dev.boxauth.internal.cdi;

import jakarta.enterprise.concurrent.ContextService;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The application's thread context, captured on one of its threads, to run work from a server thread
 * that has none. Payara runs health checks on such a thread, and its managed executor silently drops a
 * task submitted from there: a readiness check's token request would wait in vain. Only
 * {@link BoxAuthExtension} uses this class, and only where the server has Jakarta Concurrency.
 */
final class ApplicationContext {

    private static final String DEFAULT_CONTEXT_SERVICE = "java:comp/DefaultContextService";

    private ApplicationContext() {
    }

    /**
     * Runs each task on the calling thread with the context of the thread that calls this now; {@code null}
     * when the server has no default context service.
     */
    static Executor capture() {
        try {
            Object found = new InitialContext().lookup(DEFAULT_CONTEXT_SERVICE);
            return found instanceof ContextService contexts ? contexts.currentContextExecutor() : null;
        } catch (NamingException | RuntimeException | LinkageError e) {
            return null; // a server before Jakarta Concurrency 3.0, or none: tasks run as they are
        }
    }
}
