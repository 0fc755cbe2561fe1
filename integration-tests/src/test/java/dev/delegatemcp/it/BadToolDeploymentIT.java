package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;

import dev.delegatemcp.it.badtools.BadlyNamedTool;
import dev.delegatemcp.it.support.McpTestServer;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tool that breaks the rules fails the deployment, with a message that names its method. */
@ExtendWith(ArquillianExtension.class)
class BadToolDeploymentIT {

    @Deployment(testable = false)
    @ShouldThrowException(Exception.class)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(BadlyNamedTool.class.getPackage());
    }

    @Test
    void deploymentFailsNamingTheMethod() throws IOException {
        String log = Files.readString(McpTestServer.serverDirectory().resolve("logs/messages.log"));
        assertTrue(log.contains("Tool method dev.delegatemcp.it.badtools.BadlyNamedTool#broken(): the tool name "
                + "'not a valid name!' is invalid"), "the deployment error names the method");
    }
}
