package dev.delegatemcp.server.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The request path reads one way: {@code transport -> protocol <- feature.* -> (schema, security)}; downstream and
 * proxy plug into the tool feature through its extension point; the remote MCP client serves downstream and proxy;
 * nothing imports transport. A dependency that runs back fails the build.
 */
class RequestPathArchitectureTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.delegatemcp.server");

    @Test
    void eachLayerIsUsedOnlyByTheLayersAboveIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Transport").definedBy("dev.delegatemcp.server.transport..")
                .layer("Protocol").definedBy("dev.delegatemcp.server.protocol..")
                .layer("Features").definedBy("dev.delegatemcp.server.feature..")
                .layer("Proxy").definedBy("dev.delegatemcp.server.proxy..")
                .layer("Downstream").definedBy("dev.delegatemcp.server.downstream..")
                .layer("Remote").definedBy("dev.delegatemcp.server.remote..")
                .layer("Schema").definedBy("dev.delegatemcp.server.schema..")
                .layer("Security").definedBy("dev.delegatemcp.server.security..")
                .layer("Health").definedBy("dev.delegatemcp.server.health..")
                .layer("Telemetry").definedBy("dev.delegatemcp.server.telemetry..")
                .whereLayer("Transport").mayNotBeAccessedByAnyLayer()
                .whereLayer("Protocol").mayOnlyBeAccessedByLayers("Transport", "Features", "Proxy")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Proxy")
                .whereLayer("Proxy").mayNotBeAccessedByAnyLayer()
                .whereLayer("Downstream").mayOnlyBeAccessedByLayers("Proxy", "Health")
                .whereLayer("Remote").mayOnlyBeAccessedByLayers("Downstream", "Proxy", "Health")
                .whereLayer("Health").mayNotBeAccessedByAnyLayer()
                .whereLayer("Schema").mayOnlyBeAccessedByLayers("Features")
                .whereLayer("Security").mayOnlyBeAccessedByLayers("Transport", "Protocol", "Features", "Downstream",
                        "Proxy")
                // Below every layer of the request path: each may record its spans and metrics, it knows none.
                .whereLayer("Telemetry").mayOnlyBeAccessedByLayers("Transport", "Protocol", "Features", "Proxy",
                        "Downstream", "Remote", "Security")
                .check(SERVER);
    }

    @Test
    void noTwoLayersDependOnEachOther() {
        // A layer is a top-level package with its subpackages (protocol.session and protocol.outcome are protocol's).
        slices().matching("dev.delegatemcp.server.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void theProtocolLayerKnowsNoFeature() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that()
                .resideInAPackage("dev.delegatemcp.server.protocol..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.delegatemcp.server.feature..", "dev.delegatemcp.server.downstream..",
                        "dev.delegatemcp.server.proxy..", "dev.delegatemcp.server.remote..")
                .check(SERVER);
    }

    @Test
    void theCompletionFeatureKnowsNoOtherFeature() {
        // Prompts (and resource templates) tell it what exists through its CompletionReferences extension point.
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that()
                .resideInAPackage("dev.delegatemcp.server.feature.completion..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.delegatemcp.server.feature.prompt..", "dev.delegatemcp.server.feature.tool..",
                        "dev.delegatemcp.server.feature.resource..")
                .check(SERVER);
    }
}
