package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;

import dev.delegatemcp.it.badrestclients.TwoTargetsApi;
import dev.delegatemcp.it.support.McpTestServer;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A MicroProfile Rest Client interface with two {@code @Downstream} targets fails the deployment, naming it. */
@ExtendWith(ArquillianExtension.class)
class BadRestClientDeploymentIT {

    @Deployment(testable = false)
    @ShouldThrowException(Exception.class)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(TwoTargetsApi.class.getPackage());
    }

    @Test
    void deploymentFailsNamingTheMethodAndWhy() throws IOException {
        String log = Files.readString(McpTestServer.serverDirectory().resolve("logs/messages.log"));
        assertTrue(log.contains("REST client method dev.delegatemcp.it.badrestclients.TwoTargetsApi#events(): a REST"
                + " client request carries one credential, but it declares 2 @Downstream targets"), log.length() > 4000
                        ? log.substring(log.length() - 4000) : log);
    }
}
