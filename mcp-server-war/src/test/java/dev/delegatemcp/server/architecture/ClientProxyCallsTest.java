package dev.delegatemcp.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;

import org.junit.jupiter.api.Test;

/**
 * Other beans call a normal-scoped bean through its client proxy, and Weld's proxy calls a method that is not public
 * reflectively, with an access check on every call (seen in {@code bench/peers/run}'s profile of
 * {@code tools/call echo}: {@code ProxyMethodHandler}, {@code Method.invoke}, {@code slowVerifyAccess}). So every
 * method of an application- or request-scoped bean that another class calls is public.
 */
class ClientProxyCallsTest {

    @Test
    void methodsOfNormalScopedBeansThatOtherClassesCallArePublic() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(ApplicationScoped.class).or()
                .areDeclaredInClassesThat().areAnnotatedWith(RequestScoped.class).and().areNotStatic()
                .should(bePublicWhenAnotherClassCallsThem())
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.delegatemcp.server"));
    }

    private static ArchCondition<JavaMethod> bePublicWhenAnotherClassCallsThem() {
        return new ArchCondition<>("be public when another class calls them") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (method.getModifiers().contains(JavaModifier.PUBLIC)) {
                    return;
                }
                JavaClass owner = method.getOwner();
                for (JavaMethodCall call : method.getCallsOfSelf()) {
                    JavaClass caller = call.getOriginOwner();
                    if (!caller.equals(owner) && !caller.getName().startsWith(owner.getName() + "$")) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " is not public but "
                                + caller.getName() + " calls it (" + call.getSourceCodeLocation() + ")"));
                        return;
                    }
                }
            }
        };
    }
}
