package dev.delegatemcp.server.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;

import org.junit.jupiter.api.Test;

/** What {@code @Downstream} declares, and what is wrong with a declaration ({@link DownstreamDeclarations}). */
public class DownstreamDeclarationsTest {

    // --- test beans ---------------------------------------------------------------------------------------------

    public static class DownstreamTools {

        @Tool
        @Downstream(resource = "calendar", scopes = "calendar.read")
        public String events(@ToolArg(description = "The day") String day, DownstreamCredential calendar) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        @Downstream(connection = "github", level = Downstream.Level.TENANT)
        @Downstream(resource = "drive", scopes = {"drive.read", "drive.write"})
        public String several(String query, DownstreamCredentials all, McpCaller caller) {
            return null;
        }

        @Tool
        @Downstream(connection = "github")
        @Downstream(resource = "calendar")
        public String twoCredentials(DownstreamCredential github, String text, DownstreamCredential calendar) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        @Downstream(resource = "drive")
        public String fewerCredentialsThanTargets(DownstreamCredential calendar) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        public String noCredentialParameter(String text) {
            return null;
        }

        @Tool
        public String plain(String text) {
            return null;
        }
    }

    @Downstream(resource = "crm")
    @Downstream(connection = "slack")
    public static class ClassLevelTools {

        @Tool
        public String inherited(DownstreamCredential crm, DownstreamCredential slack) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        public String overridden(DownstreamCredential calendar) {
            return null;
        }
    }

    @Downstream(connection = "crm")
    public static class SingleClassLevelTool {

        @Tool
        public String lookup(String id, DownstreamCredentials credentials) {
            return null;
        }
    }

    public static class BadDownstreamTools {

        @Tool
        @Downstream(resource = "calendar", connection = "github")
        public String both(DownstreamCredential credential) {
            return null;
        }

        @Tool
        @Downstream(scopes = "calendar.read")
        public String neither(DownstreamCredential credential) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        @Downstream(resource = "calendar", scopes = "calendar.write")
        public String twice(DownstreamCredentials credentials) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        @Downstream(connection = "calendar")
        public String resourceAndConnectionWithOneName(DownstreamCredentials credentials) {
            return null;
        }

        @Tool
        public String credentialWithoutDownstream(String text, DownstreamCredential credential) {
            return null;
        }

        @Tool
        public String credentialsWithoutDownstream(DownstreamCredentials credentials) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        public String moreCredentialsThanTargets(DownstreamCredential first, DownstreamCredential second) {
            return null;
        }
    }

    @Downstream(resource = "crm", connection = "crm")
    public static class BadClassLevelTools {

        @Tool
        public String lookup(DownstreamCredential crm) {
            return null;
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static java.lang.reflect.Method method(Class<?> type, String name) {
        return java.util.Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    /** The names of the method's targets. */
    private static List<String> targets(Class<?> type, String name) {
        return DownstreamDeclarations.targets(type, method(type, name)).stream()
                .map(DownstreamDeclarations::targetName).toList();
    }

    /** What is wrong with the method's declaration (the test fails when nothing is). */
    private static String invalid(Class<?> type, String name) {
        java.lang.reflect.Method method = method(type, name);
        return DownstreamDeclarations.problem(method, DownstreamDeclarations.targets(type, method))
                .orElseThrow(() -> new AssertionError(name + " should be refused"));
    }

    // --- targets ------------------------------------------------------------------------------------------------

    @Test
    void singleDownstreamIsTheOnlyTarget() {
        assertEquals(List.of("calendar"), targets(DownstreamTools.class, "events"));
    }

    @Test
    void repeatedDownstreamListsResourcesAndConnectionsInDeclarationOrder() {
        assertEquals(List.of("calendar", "github", "drive"), targets(DownstreamTools.class, "several"));
        assertEquals(List.of("github", "calendar"), targets(DownstreamTools.class, "twoCredentials"));
    }

    @Test
    void toolWithoutDownstreamHasNoTargets() {
        assertEquals(List.of(), targets(DownstreamTools.class, "plain"));
    }

    @Test
    void downstreamWithoutCredentialParameterIsAllowed() {
        assertEquals(List.of("calendar"), targets(DownstreamTools.class, "noCredentialParameter"));
    }

    @Test
    void fewerCredentialParametersThanTargetsIsAllowed() {
        assertEquals(List.of("calendar", "drive"),
                targets(DownstreamTools.class, "fewerCredentialsThanTargets"));
    }

    @Test
    void classLevelDownstreamAppliesWhenTheMethodHasNone() {
        assertEquals(List.of("crm", "slack"), targets(ClassLevelTools.class, "inherited"));
        assertEquals(List.of("crm"), targets(SingleClassLevelTool.class, "lookup"));
    }

    @Test
    void methodLevelDownstreamReplacesTheClassLevelOnes() {
        assertEquals(List.of("calendar"), targets(ClassLevelTools.class, "overridden"));
    }

    @Test
    void targetNameIsTheResourceOrTheConnection() {
        List<Downstream> targets =
                List.of(method(DownstreamTools.class, "several").getAnnotationsByType(Downstream.class));
        assertEquals(List.of("calendar", "github", "drive"), targets.stream().map(DownstreamDeclarations::targetName)
                .toList());
    }

    // --- invalid ------------------------------------------------------------------------------------------------

    @Test
    void downstreamWithResourceAndConnectionIsInvalid() {
        String e = invalid(BadDownstreamTools.class, "both");
        assertTrue(e.contains("exactly one of resource or connection"), e);
    }

    @Test
    void downstreamWithNeitherResourceNorConnectionIsInvalid() {
        String e = invalid(BadDownstreamTools.class, "neither");
        assertTrue(e.contains("exactly one of resource or connection"), e);
    }

    @Test
    void classLevelDownstreamWithResourceAndConnectionIsInvalid() {
        String e = invalid(BadClassLevelTools.class, "lookup");
        assertTrue(e.contains("exactly one of resource or connection"), e);
    }

    @Test
    void sameTargetTwiceIsInvalid() {
        String e = invalid(BadDownstreamTools.class, "twice");
        assertTrue(e.contains("'calendar' is declared twice"), e);
    }

    @Test
    void resourceAndConnectionWithTheSameNameAreTheSameTargetTwice() {
        String e = invalid(BadDownstreamTools.class, "resourceAndConnectionWithOneName");
        assertTrue(e.contains("'calendar' is declared twice"), e);
    }

    @Test
    void credentialParameterWithoutDownstreamIsInvalid() {
        String e = invalid(BadDownstreamTools.class, "credentialWithoutDownstream");
        assertTrue(e.contains("declares no @Downstream target"), e);
    }

    @Test
    void credentialsParameterWithoutDownstreamIsInvalid() {
        String e = invalid(BadDownstreamTools.class, "credentialsWithoutDownstream");
        assertTrue(e.contains("declares no @Downstream target"), e);
    }

    @Test
    void moreCredentialParametersThanTargetsIsInvalid() {
        String e = invalid(BadDownstreamTools.class, "moreCredentialsThanTargets");
        assertTrue(e.contains("2 DownstreamCredential and RemoteMcpServer parameters"), e);
        assertTrue(e.contains("1 @Downstream targets"), e);
    }
}
