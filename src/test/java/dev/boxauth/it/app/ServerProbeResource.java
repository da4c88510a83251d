package dev.boxauth.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Looks at the server JVM from inside, for tests that redeploy another application: its JCE providers
 * and the threads whose names contain a word. Deployed on its own, without the library.
 */
@Path("probe")
@RequestScoped
public class ServerProbeResource {

    /** The JVM-wide JCE providers, one name a line. */
    @GET
    @Path("providers")
    @Produces(MediaType.TEXT_PLAIN)
    public String providers() {
        return Arrays.stream(Security.getProviders()).map(Provider::getName).collect(Collectors.joining("\n"));
    }

    /**
     * The live threads whose names contain {@code named}, one a line, after giving each up to
     * {@code waitMillis} to end: a pool shut down by an undeploy lets its idle threads go just after.
     */
    @GET
    @Path("threads")
    @Produces(MediaType.TEXT_PLAIN)
    public String threads(@QueryParam("named") String named, @QueryParam("waitMillis") long waitMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        List<Thread> matching = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains(named)).toList();
        for (Thread thread : matching) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return matching.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.joining("\n"));
    }
}
