package com.landki.interview;

import com.landki.interview.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The architecture rules (see {@link ArchitectureRules}) over the SDK's main classes. */
class ArchitectureTest {

    private static final JavaClasses SDK = ArchitectureRules.mainClasses();

    @Test
    void thePublicApiMentionsNoInternalType() {
        ArchitectureRules.noInternalTypeInPublicSignatures().check(SDK);
    }

    @Test
    void theSdkKnowsNoServletContainerOrWebServer() {
        ArchitectureRules.noServletOrWebServerTypes().check(SDK);
    }

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        ArchitectureRules.noPackageCycles().check(SDK);
    }
}
