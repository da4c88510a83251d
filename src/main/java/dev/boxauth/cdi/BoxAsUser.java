package dev.boxauth.cdi;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * On a MicroProfile Rest Client interface (or one of its methods) that registers {@code BoxAuthFilter}:
 * every call carries {@code As-User: <value>}, so an enterprise token acts as that user (the app needs
 * "Perform actions as users"). A per-request choice wins: the request property
 * {@code BoxAuthFilter.AS_USER}, or an {@code As-User} header the caller set. Never sent to Box's token
 * endpoint.
 */
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface BoxAsUser {

    /** The Box user id, numeric; anything else fails each call with a {@code BoxAuthException}. */
    String value();
}
