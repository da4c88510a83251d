package dev.boxauth.demo.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The demo web application (packaged by the maven-war-plugin "demo-war" execution, served by the
 * boxAuthDemo Liberty server under {@code /demo}). Its resources are under {@code /demo/api}.
 */
@ApplicationPath("api")
public class DemoApplication extends Application {
}
