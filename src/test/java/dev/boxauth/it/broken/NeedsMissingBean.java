package dev.boxauth.it.broken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A bean whose injection point no bean satisfies, so CDI validation rejects the deployment. */
@ApplicationScoped
public class NeedsMissingBean {

    /** Has no implementation anywhere in the deployment. */
    public interface Missing {
    }

    @Inject
    Missing missing;
}
