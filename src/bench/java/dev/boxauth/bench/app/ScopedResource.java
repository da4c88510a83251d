package dev.boxauth.bench.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * A CDI bean with nothing to do with Box: in an application without box-auth, it makes Liberty start CDI for
 * the application, as box-auth's extension does, so that the deployment benchmark can tell the two apart.
 */
@RequestScoped
@Path("scoped")
public class ScopedResource {

    @GET
    public String hello() {
        return "scoped";
    }
}
