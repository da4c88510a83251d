package dev.boxauth.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Selects one of several Box apps in one deployment. {@code @Inject @BoxApp("archive") BoxTokenProvider}
 * is configured by the properties under {@code box.auth.archive.} ({@code box.auth.archive.config-file},
 * environment {@code BOX_AUTH_ARCHIVE_CONFIG_FILE}); without the qualifier, the default app is configured
 * under {@code box.auth.}. On a MicroProfile Rest Client interface that registers
 * {@code BoxAuthFilter}, it makes the filter use that app's tokens.
 *
 * <p>A name is lower case letters, digits and dashes, and not one of the property groups ({@code jwt},
 * {@code oauth}).
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface BoxApp {

    /** The app's name, the segment after {@code box.auth.} in its property names. */
    String value();

    /** An instance, for programmatic lookup: {@code CDI.current().select(BoxTokenProvider.class, BoxApp.Literal.of("archive"))}. */
    final class Literal extends AnnotationLiteral<BoxApp> implements BoxApp {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
