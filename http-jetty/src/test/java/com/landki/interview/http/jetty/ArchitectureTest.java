package com.landki.interview.http.jetty;

import com.landki.interview.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The architecture rules (see {@link ArchitectureRules}) over the Jetty transport's main classes. */
class ArchitectureTest {

    private static final JavaClasses MODULE = ArchitectureRules.mainClasses();

    @Test
    void noInternalTypeInPublicSignatures() {
        ArchitectureRules.noInternalTypeInPublicSignatures().check(MODULE);
    }

    @Test
    void noPackageCycles() {
        ArchitectureRules.noPackageCycles().check(MODULE);
    }
}
