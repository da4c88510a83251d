package dev.boxauth.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Deploys and undeploys another application in the running Payara Micro, for tests that redeploy on one
 * running server: Payara Micro's Arquillian adapter deploys by starting a new Micro. Uses Micro's own
 * runtime API (the {@code PayaraMicroRuntime} bean), by name, so that the tests compile without Payara.
 * Part of the probe WAR on Payara only.
 */
@Path("micro/apps/{name}")
@RequestScoped
public class MicroDeployerResource {

    private static final String RUNTIME = "fish.payara.micro.PayaraMicroRuntime";

    /** Deploys the WAR in the request body under {@code name} (also its context root). */
    @PUT
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response deploy(@PathParam("name") String name, InputStream war) throws ReflectiveOperationException {
        boolean deployed = (boolean) call("deploy", new Class<?>[] {String.class, InputStream.class}, name, war);
        return Response.status(deployed ? 204 : 500).build();
    }

    @DELETE
    public void undeploy(@PathParam("name") String name) throws ReflectiveOperationException {
        call("undeploy", new Class<?>[] {String.class}, name);
    }

    private static Object call(String method, Class<?>[] types, Object... args) throws ReflectiveOperationException {
        Class<?> runtimeType = Class.forName(RUNTIME, true, Thread.currentThread().getContextClassLoader());
        Object runtime = CDI.current().select(runtimeType).get();
        Method m = runtimeType.getMethod(method, types);
        return m.invoke(runtime, args);
    }
}
