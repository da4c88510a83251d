package dev.boxauth.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test applications' REST root. */
@ApplicationPath("api")
public class ItApplication extends Application {
}
