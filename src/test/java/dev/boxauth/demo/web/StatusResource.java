package dev.boxauth.demo.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /demo/api/status}: shows the demo is up. A placeholder until the Jakarta layer lands. */
@Path("status")
@RequestScoped
public class StatusResource {

    /** The JSON answer. */
    public record Status(String application, String status) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Status status() {
        return new Status("box-auth-demo", "up");
    }
}
