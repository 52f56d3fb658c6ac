package com.landki.interview.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The architecture rules of the project, shared by the modules' {@code ArchitectureTest}s. Each test imports its
 * own module's compiled main classes ({@link #mainClasses()}) and checks the rules that apply to it:
 * <ul>
 *   <li>{@link #noInternalTypeInPublicSignatures()}: the public API never mentions an {@code internal} type;</li>
 *   <li>{@link #noServletOrWebServerTypes()}: the SDK runs without a servlet container or web server;</li>
 *   <li>{@link #noPackageCycles()}: packages depend on each other one way only;</li>
 *   <li>{@link #handlersDoNotDependOnTheServletApi()}: servlets are thin adapters over container-free
 *       handlers — the servlets depend on the handlers, never the reverse.</li>
 * </ul>
 * A package named {@code internal} (at any depth) holds implementation: it may change in any release, and is
 * part of the package it sits in (for the cycle rule, {@code a.b.internal} and {@code a.b} are one slice: the
 * implementation may use its package's API and the API may create its implementation).
 */
public final class ArchitectureRules {

    /** The root package of every module's code. */
    public static final String ROOT = "com.landki.interview";

    private ArchitectureRules() {
    }

    /** The main classes of the module whose tests run (Maven's {@code target/classes}). */
    public static JavaClasses mainClasses() {
        Path classes = Path.of("target", "classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no compiled main classes at " + classes.toAbsolutePath()
                    + "; run the test from the module directory (as Maven does)");
        }
        return new ClassFileImporter().importPath(classes);
    }

    /**
     * No public type outside an {@code internal} package mentions an {@code internal} type in what a user sees
     * of it: the types of its public and protected fields, the parameters, return types and declared
     * exceptions of its public and protected methods and constructors, its type parameters' bounds, its
     * superclass and its interfaces (generic type arguments included).
     */
    public static ArchRule noInternalTypeInPublicSignatures() {
        return classes().that(PUBLIC_API_TYPES).should(new ArchCondition<>("mention no internal type in a public "
                + "signature (fields, methods, constructors, supertypes)") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (String leak : leaks(type)) {
                    events.add(SimpleConditionEvent.violated(type, leak));
                }
            }
        }).because("an internal type may change in any release; the public API must not expose one");
    }

    /** No class depends on a servlet API, Jetty or Tomcat type. */
    public static ArchRule noServletOrWebServerTypes() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(SERVLET_AND_WEB_SERVER)
                .because("the SDK is used without a servlet container or web server");
    }

    /** No cycles between the packages (each with its {@code internal} subpackage as one slice). */
    public static ArchRule noPackageCycles() {
        return slices().assignedFrom(PACKAGE_WITH_ITS_INTERNALS).should().beFreeOfCycles();
    }

    /**
     * Handlers (classes named {@code *Handler}) depend neither on the servlet API nor on a class of ours that
     * does (a servlet, filter, listener or other adapter): the servlets call the handlers, never the reverse.
     */
    public static ArchRule handlersDoNotDependOnTheServletApi() {
        return noClasses().that().haveSimpleNameEndingWith("Handler")
                .should().dependOnClassesThat(resideInAnyPackage("jakarta.servlet..").or(SERVLET_ADAPTERS))
                .because("handlers are container-free; only the servlet adapters know the servlet API");
    }

    private static final String[] SERVLET_AND_WEB_SERVER = {
        "jakarta.servlet..", "javax.servlet..", "org.eclipse.jetty..", "org.apache.catalina..", "org.apache.tomcat.."
    };

    private static final DescribedPredicate<JavaClass> SERVLET_ADAPTERS =
            DescribedPredicate.describe("servlet adapters (classes of ours that use the servlet API)",
                    c -> c.getPackageName().startsWith(ROOT) && c.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("jakarta.servlet")));

    private static final SliceAssignment PACKAGE_WITH_ITS_INTERNALS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith(ROOT)) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(pkg.replaceAll("\\.internal(\\.|$)", "$1"));
        }

        @Override
        public String getDescription() {
            return "the packages of " + ROOT + ", each together with its internal subpackage";
        }
    };

    private static final DescribedPredicate<JavaClass> PUBLIC_API_TYPES =
            DescribedPredicate.describe("are public types outside internal packages", ArchitectureRules::isApi);

    private static boolean isApi(JavaClass type) {
        if (isInternal(type) || !type.getPackageName().startsWith(ROOT) || type.isAnonymousClass()
                || type.isLocalClass()) {
            return false;
        }
        for (Optional<JavaClass> c = Optional.of(type); c.isPresent(); c = c.get().getEnclosingClass()) {
            if (!c.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInternal(JavaClass type) {
        String pkg = type.getPackageName();
        return pkg.endsWith(".internal") || pkg.contains(".internal.");
    }

    private static List<String> leaks(JavaClass type) {
        List<String> leaks = new ArrayList<>();
        type.getSuperclass().ifPresent(s -> report(leaks, type.getName() + " extends", List.of(s), type));
        report(leaks, type.getName() + " implements", type.getInterfaces(), type);
        report(leaks, type.getName() + " has a type parameter bound", type.getTypeParameters(), type);
        for (JavaMember member : type.getMembers()) {
            if (!visible(member)) {
                continue;
            }
            String name = member.getFullName();
            if (member instanceof JavaCodeUnit code) {
                report(leaks, name + " returns", List.of(code.getReturnType()), member);
                report(leaks, name + " takes", code.getParameterTypes(), member);
                report(leaks, name + " throws", code.getThrowsClause().getTypes(), member);
                report(leaks, name + " has a type parameter bound", code.getTypeParameters(), member);
            } else if (member instanceof JavaField field) {
                report(leaks, name + " is of type", List.of(field.getType()), member);
            }
        }
        return leaks;
    }

    private static boolean visible(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
                && !modifiers.contains(JavaModifier.SYNTHETIC) && !modifiers.contains(JavaModifier.BRIDGE);
    }

    private static void report(List<String> leaks, String what, Collection<? extends JavaType> types,
                               Object where) {
        Set<String> internal = new TreeSet<>();
        for (JavaType t : types) {
            for (JavaClass raw : t.getAllInvolvedRawTypes()) {
                if (isInternal(raw)) {
                    internal.add(raw.getName());
                }
            }
        }
        for (String name : internal) {
            leaks.add(what + " internal type " + name + " in " + location(where));
        }
    }

    private static String location(Object where) {
        if (where instanceof JavaMember member) {
            return member.getSourceCodeLocation().toString();
        }
        return ((JavaClass) where).getSourceCodeLocation().toString();
    }
}
