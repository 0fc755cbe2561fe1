package dev.delegatemcp.server.downstream;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.server.remote.RemoteMcpServers;
import dev.delegatemcp.server.tools.ToolDefinitionReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;

/**
 * The work of the {@code @Downstream} interceptors: for each declared target, obtain the caller's credential
 * ({@link CallerCredentials}), then fill the tool's parameters: each {@link DownstreamCredential} or
 * {@link RemoteMcpServer} parameter takes the next target in declaration order, a {@link DownstreamCredentials}
 * parameter takes them all. A failure stops the call with a {@link ToolCallException} the user can act on (a
 * {@link ConnectionRequiredException} when the service is not connected yet). The inbound token itself never
 * reaches the tool.
 */
@ApplicationScoped
public class DownstreamCredentialInjector {

    @Inject
    CallerCredentials credentials;

    @Inject
    RemoteMcpServers remoteServers;

    private static final String DONE = DownstreamCredentialInjector.class.getName() + ".done";

    Object intercept(InvocationContext invocation) throws Exception {
        // Both interceptors may be bound to one method (single and repeated binding): obtain credentials once.
        if (invocation.getContextData().putIfAbsent(DONE, Boolean.TRUE) != null) {
            return invocation.proceed();
        }
        // The same rule as at deployment: the method's targets, else its bean class's (inherited by CDI subclasses).
        List<Downstream> targets = ToolDefinitionReader.downstreamTargets(invocation.getTarget().getClass(),
                invocation.getMethod());
        Map<String, DownstreamCredential> obtained = new LinkedHashMap<>();
        for (Downstream target : targets) {
            String name = ToolDefinitionReader.targetName(target);
            obtained.put(name, obtain(name, target));
        }
        Object[] parameters = invocation.getParameters();
        Class<?>[] types = invocation.getMethod().getParameterTypes();
        Iterator<Map.Entry<String, DownstreamCredential>> inOrder = obtained.entrySet().iterator();
        for (int i = 0; i < types.length; i++) {
            if (parameters[i] != null) {
                continue;
            }
            if (types[i] == DownstreamCredential.class) {
                parameters[i] = inOrder.next().getValue();
            } else if (types[i] == RemoteMcpServer.class) {
                Map.Entry<String, DownstreamCredential> next = inOrder.next();
                parameters[i] = remoteServers.open(next.getKey(), credentials.target(next.getKey()).mcpUrl()
                        .orElseThrow(() -> new IllegalStateException("mcp-url of " + next.getKey() + " is not set")),
                        next.getValue());
            } else if (types[i] == DownstreamCredentials.class) {
                parameters[i] = new DownstreamCredentials(obtained);
            }
        }
        invocation.setParameters(parameters);
        return invocation.proceed();
    }

    private DownstreamCredential obtain(String name, Downstream target) {
        return credentials.obtain(name, target.level(), List.of(target.scopes()));
    }
}
