package dev.boxauth.demo.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo web application, served by the boxAuthDemo Liberty server at {@code /demo}. */
@ApplicationPath("/")
public class DemoApplication extends Application {
}
