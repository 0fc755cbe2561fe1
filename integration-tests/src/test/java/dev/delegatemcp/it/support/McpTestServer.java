package dev.delegatemcp.it.support;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Where the test server is and what it deploys: the real EAR, optionally with extra tool classes in its WAR. */
public final class McpTestServer {

    public static final String WAR = "mcp-server.war";

    private McpTestServer() {
    }

    public static int httpPort() {
        return Integer.getInteger("it.http.port", 19080);
    }

    public static int jwksPort() {
        return Integer.getInteger("it.jwks.port", 19099);
    }

    public static URI base() {
        return URI.create("http://localhost:" + httpPort());
    }

    /** The MCP endpoint, which is also the resource (token audience). */
    public static URI mcp() {
        return base().resolve("/mcp-server/mcp");
    }

    public static String resource() {
        return mcp().toString();
    }

    public static Path serverDirectory() {
        return Path.of(System.getProperty("it.server.dir", "target/liberty/wlp/usr/servers/mcpTestServer"));
    }

    /** The EAR exactly as the build made it. */
    public static EnterpriseArchive realEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("it.ear", "target/deployments/mcp-server-ear.ear")));
    }

    /** The real EAR whose WAR also holds the tool classes of the given package (in a bean archive jar). */
    public static EnterpriseArchive realEarWithTools(Package toolPackage) {
        return realEarWithLibraries(ShrinkWrap.create(JavaArchive.class, "test-tools.jar").addPackage(toolPackage)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml"));
    }

    /** The real EAR whose WAR also holds these jars in {@code WEB-INF/lib}, where a server's own tool jars go. */
    public static EnterpriseArchive realEarWithLibraries(JavaArchive... libraries) {
        EnterpriseArchive ear = realEar();
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.addAsLibraries(libraries);
        ear.delete(WAR);
        return ear.addAsModule(war);
    }

    /**
     * The real EAR with these jars in its WAR's {@code WEB-INF/lib} instead of the demo's sample tools (as
     * bin/conformance-server deploys the conformance fixture: the samples' calendar needs services it does not run).
     */
    public static EnterpriseArchive realEarWithLibrariesInsteadOfSamples(JavaArchive... libraries) {
        EnterpriseArchive ear = realEar();
        WebArchive war = ear.getAsType(WebArchive.class, WAR);
        war.getContent(path -> path.get().matches("/WEB-INF/lib/sample-tools-.*\\.jar")).keySet()
                .forEach(war::delete);
        war.addAsLibraries(libraries);
        ear.delete(WAR);
        return ear.addAsModule(war);
    }

    /** The conformance-fixture module's jar as the build made it (the tools, resources and prompts of the suite). */
    public static JavaArchive conformanceFixture() {
        return ShrinkWrap.createFromZipFile(JavaArchive.class, new File(
                System.getProperty("it.conformance.fixture", "target/deployments/conformance-fixture.jar")));
    }
}
