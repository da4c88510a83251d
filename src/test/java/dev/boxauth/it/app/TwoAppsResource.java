package dev.boxauth.it.app;

import dev.boxauth.BoxTokenProvider;
import dev.boxauth.cdi.BoxApp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The default app and the "archive" app side by side. */
@Path("apps")
@RequestScoped
public class TwoAppsResource {

    @Inject
    BoxTokenProvider defaultApp;

    @Inject
    @BoxApp("archive")
    BoxTokenProvider archive;

    @Inject
    @RestClient
    BoxUsersApi defaultUsers;

    @Inject
    @RestClient
    ArchiveUsersApi archiveUsers;

    @GET
    @Path("default/me")
    public String defaultMe() {
        return defaultUsers.me();
    }

    @GET
    @Path("archive/me")
    public String archiveMe() {
        return archiveUsers.me();
    }

    /** Whether the two injected providers hold different tokens (never shows either). */
    @GET
    @Path("distinct")
    public String distinct() {
        return String.valueOf(!defaultApp.accessToken().equals(archive.accessToken()));
    }
}
