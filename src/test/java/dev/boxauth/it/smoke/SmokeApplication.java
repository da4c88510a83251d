package dev.boxauth.it.smoke;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the smoke archive's resources under {@code /api}. */
@ApplicationPath("api")
public class SmokeApplication extends Application {
}
