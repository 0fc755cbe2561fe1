package dev.delegatemcp.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
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
 * Other beans call an application- or request-scoped bean through its client proxy, and Weld's proxy (5.1, Liberty
 * 26.0.0.5) calls a method directly only when the method, its return type and every parameter type are public;
 * otherwise it goes through {@code ProxyMethodHandler} and {@code Method.invoke}, with an access check on every call
 * (seen in {@code bench/peers/run}'s profile of {@code tools/call echo}: about 1.5 % of its CPU for three such
 * methods). So every method of such a bean that another class calls, or takes a reference to, has public types.
 */
class ClientProxyCallsTest {

    @Test
    void methodsOfApplicationOrRequestScopedBeansThatOtherClassesCallArePublicWithPublicTypes() {
        methods().that().areDeclaredInClassesThat().areMetaAnnotatedWith(ApplicationScoped.class).or()
                .areDeclaredInClassesThat().areMetaAnnotatedWith(RequestScoped.class).and().areNotStatic()
                .should(beCalledDirectlyThroughTheClientProxy())
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.delegatemcp.server"));
    }

    private static ArchCondition<JavaMethod> beCalledDirectlyThroughTheClientProxy() {
        return new ArchCondition<>("be public, with public parameter and return types, when another class calls them") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                JavaClass owner = method.getOwner();
                JavaAccess<?> outside = method.getAccessesToSelf().stream()
                        .filter(access -> !access.getOriginOwner().equals(owner)
                                && !access.getOriginOwner().getName().startsWith(owner.getName() + "$"))
                        .findFirst().orElse(null);
                if (outside == null) {
                    return;
                }
                List<String> notPublic = new ArrayList<>();
                if (!method.getModifiers().contains(JavaModifier.PUBLIC)) {
                    notPublic.add("the method");
                }
                List<JavaClass> types = new ArrayList<>(method.getRawParameterTypes());
                types.add(method.getRawReturnType());
                for (JavaClass type : types) {
                    JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
                    if (!base.isPrimitive() && !base.getModifiers().contains(JavaModifier.PUBLIC)) {
                        notPublic.add(base.getName());
                    }
                }
                if (!notPublic.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + ": not public: "
                            + String.join(", ", notPublic) + "; called by " + outside.getOriginOwner().getName()
                            + " (" + outside.getSourceCodeLocation() + ")"));
                }
            }
        };
    }
}
