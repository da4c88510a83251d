package dev.boxauth.bench.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * A CDI bean with nothing to do with Box: an application without box-auth that uses CDI as box-auth does, so
 * that the deployment benchmark tells what CDI costs an application from what box-auth does.
 */
@RequestScoped
@Path("scoped")
public class ScopedResource {

    @GET
    public String hello() {
        return "scoped";
    }
}
