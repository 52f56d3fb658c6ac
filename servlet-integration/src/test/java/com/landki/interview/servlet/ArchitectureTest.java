package com.landki.interview.servlet;

import com.landki.interview.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The architecture rules (see {@link ArchitectureRules}) over the servlet module's main classes. */
class ArchitectureTest {

    private static final JavaClasses SERVLET = ArchitectureRules.mainClasses();

    @Test
    void thePublicApiMentionsNoInternalType() {
        ArchitectureRules.noInternalTypeInPublicSignatures().check(SERVLET);
    }

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        ArchitectureRules.noPackageCycles().check(SERVLET);
    }

    @Test
    void servletsAreThinAdaptersOverContainerFreeHandlers() {
        ArchitectureRules.handlersDoNotDependOnTheServletApi().check(SERVLET);
    }
}
