package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.conformance.server.BearerTokenProxy;
import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.Node;
import dev.delegatemcp.it.support.TestTokens;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance) against the real EAR plus the suite's fixture
 * (the conformance-fixture module, as bin/conformance-server deploys it): every server scenario of the pinned release,
 * pending ones included, and every scenario the next release runs for the 2025-11-25 revision, scored or not. Both
 * runs share this one deployment. The suite sends no token, so it talks to a local proxy that adds one; the server's
 * authentication is unchanged. Any failed check fails the test (no expected-failures list).
 */
@ExtendWith(ArquillianExtension.class)
class ConformanceIT {

    private static BearerTokenProxy proxy;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithLibrariesInsteadOfSamples(McpTestServer.conformanceFixture(),
                everyToolOnOnePage());
    }

    /**
     * The suite reads only the first page of tools/list (json-schema-2020-12 looks for its tool there), while the test
     * server's page size is 3 for the pagination tests: this deployment's own setting, above server.xml's (ordinal
     * 500), lists every tool on one page, as the conformance server's configuration does.
     */
    private static JavaArchive everyToolOnOnePage() {
        return ShrinkWrap.create(JavaArchive.class, "conformance-settings.jar").addAsManifestResource(
                new StringAsset("config_ordinal=600\nmcp.tools.page-size=100\n"), "microprofile-config.properties");
    }

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = new BearerTokenProxy(McpTestServer.base(), () -> TestTokens.user("conformance").sign());
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    /** 0.1.16 (pinned), {@code --suite all}: 32 scenarios, the two pending ones (json-schema-2020-12, sse-polling) too. */
    @Test
    void everyServerScenarioOfThePinnedReleasePasses() {
        assertEveryScenarioPasses("0.1.16 --suite all", 32,
                "node_modules/@modelcontextprotocol/conformance/dist/index.js",
                "--suite", "all");
    }

    /**
     * 0.2.0-alpha.12 (the npm alias conformance-next), {@code --requirements 2025-11-25}: the 30 scored scenarios and the
     * 3 it runs without scoring (server-session-lifecycle, json-schema-2020-12, server-sse-polling), with every message
     * the server sends checked against the 2025-11-25 JSON schema. Its exit code counts only the scored ones; this test
     * counts every failed check.
     */
    @Test
    void everyScenarioTheNextReleaseRequiresFor20251125Passes() {
        assertEveryScenarioPasses("0.2.0-alpha.12 --requirements 2025-11-25", 33,
                "node_modules/conformance-next/dist/index.js", "--requirements", "2025-11-25");
    }

    /**
     * 0.2.0-alpha.12, {@code --requirements 2026-07-28} on the same deployment (dual era): its 37 scored scenarios all
     * pass (stateless requests, server/discover, caching hints, header rules, the input-required results). The
     * scenarios it runs without scoring (the tasks extension, which this server does not implement, and the pending
     * ones) are printed, not asserted.
     */
    @Test
    void everyScenarioTheNextReleaseRequiresFor20260728Passes() {
        List<String> arguments = List.of("node_modules/conformance-next/dist/index.js", "server", "--url",
                proxy.url("/mcp-server/mcp").toString(), "--requirements", "2026-07-28");
        Node.Result result = Node.run(Map.of(), 300, arguments.toArray(String[]::new));
        String output = result.stdout() + result.stderr();
        List<String> summary = output.lines().dropWhile(line -> !line.contains("=== SUMMARY ===")).toList();
        String total = summary.stream().filter(line -> line.startsWith("Total:")).findFirst().orElse("(no total)");
        System.out.println("[conformance 0.2.0-alpha.12 --requirements 2026-07-28] " + total);
        List<String> unscored = summary.stream().dropWhile(line -> !line.startsWith("Not scored")).skip(1)
                .map(String::trim).filter(line -> line.startsWith("✓") || line.startsWith("✗")).toList();
        unscored.forEach(line -> System.out.println("  not scored: " + line));
        java.util.Set<String> unscoredNames = unscored.stream().map(line -> line.substring(2).split(" ")[0])
                .collect(java.util.stream.Collectors.toSet());
        List<String> scored = summary.stream().filter(line -> line.startsWith("✓ ") || line.startsWith("✗ "))
                .filter(line -> !unscoredNames.contains(line.substring(2).split(":")[0])).toList();
        scored.stream().filter(line -> line.startsWith("✗")).forEach(line -> System.out.println("  " + line));
        assertEquals(List.of(), scored.stream().filter(line -> line.startsWith("✗")).toList(), output);
        assertEquals(37, scored.size(), output);
        assertEquals(0, result.exitCode(), output);
    }

    private static void assertEveryScenarioPasses(String run, int scenarios, String suite, String... selection) {
        List<String> arguments = new java.util.ArrayList<>(
                List.of(suite, "server", "--url", proxy.url("/mcp-server/mcp").toString()));
        arguments.addAll(List.of(selection));
        Node.Result result = Node.run(Map.of(), 300, arguments.toArray(String[]::new));
        String output = result.stdout() + result.stderr();
        List<String> summary = output.lines().dropWhile(line -> !line.contains("=== SUMMARY ===")).toList();
        String total = summary.stream().filter(line -> line.startsWith("Total:")).findFirst().orElse("(no total)");
        System.out.println("[conformance " + run + "] " + total);
        summary.stream().filter(line -> line.startsWith("✗") || line.startsWith("Not scored"))
                .forEach(line -> System.out.println("  " + line));
        assertTrue(total.endsWith(" 0 failed"), output);
        assertEquals(scenarios, summary.stream().filter(line -> line.startsWith("✓")).count(), output);
        assertEquals(0, result.exitCode(), output);
    }
}
