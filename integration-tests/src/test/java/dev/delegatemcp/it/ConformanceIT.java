package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import dev.delegatemcp.it.support.BearerTokenProxy;
import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.Node;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.it.tools.ConformanceTools;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance) against the real EAR plus the suite's
 * fixture tools. The suite sends no token, so it talks to a local proxy that adds one; the server's authentication
 * is unchanged.
 */
@ExtendWith(ArquillianExtension.class)
class ConformanceIT {

    private static BearerTokenProxy proxy;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(ConformanceTools.class.getPackage());
    }

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = new BearerTokenProxy(McpTestServer.base(), () -> TestTokens.user("conformance").sign());
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"server-initialize", "ping", "tools-list", "tools-call-simple-text", "tools-call-error",
        "tools-call-mixed-content", "tools-call-image", "dns-rebinding-protection", "logging-set-level",
        "tools-call-audio", "tools-call-embedded-resource", "tools-call-with-logging", "tools-call-with-progress",
        "tools-call-sampling", "tools-call-elicitation", "elicitation-sep1034-defaults", "elicitation-sep1330-enums",
        "server-sse-polling", "server-sse-multiple-streams"})
    void conformanceScenarioPasses(String scenario) {
        Node.Result result = Node.run(Map.of(), 180, "node_modules/@modelcontextprotocol/conformance/dist/index.js",
                "server", "--url", proxy.url("/mcp-server/mcp").toString(), "--scenario", scenario);
        String output = result.stdout() + result.stderr();
        System.out.println("[conformance " + scenario + "] " + output.lines()
                .filter(line -> line.contains("Passed:") || line.contains("FAIL")).reduce((a, b) -> a + " | " + b)
                .orElse(output));
        assertEquals(0, result.exitCode(), output);
        assertTrue(output.contains("0 failed"), output);
    }
}
