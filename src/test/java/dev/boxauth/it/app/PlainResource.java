package dev.boxauth.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource that has nothing to do with Box, for an application that does not use box-auth. */
@Path("plain")
public class PlainResource {

    @GET
    public String hello() {
        return "untouched";
    }
}
