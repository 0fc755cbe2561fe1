package dev.delegatemcp.server.downstream;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.server.tools.ToolDefinitionReader;
import dev.delegatemcp.sts.CredentialRequest;
import dev.delegatemcp.sts.CredentialService;
import dev.delegatemcp.sts.StsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The work of the {@code @Downstream} interceptors: for each declared target, ask the credential service with the
 * caller's raw inbound token, then put the credentials into the tool's credential parameters. A failure stops the
 * call with a {@link ToolCallException} the user can act on. The inbound token itself never reaches the tool.
 */
@ApplicationScoped
public class DownstreamCredentialInjector {

    @Inject
    JsonWebToken inboundToken;

    @Inject
    McpCaller caller;

    @Inject
    CredentialService credentials;

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
        Iterator<DownstreamCredential> inOrder = obtained.values().iterator();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == DownstreamCredential.class && parameters[i] == null) {
                parameters[i] = inOrder.next();
            } else if (types[i] == DownstreamCredentials.class && parameters[i] == null) {
                parameters[i] = new DownstreamCredentials(obtained);
            }
        }
        invocation.setParameters(parameters);
        return invocation.proceed();
    }

    private DownstreamCredential obtain(String name, Downstream target) {
        if (target.level() == Downstream.Level.TENANT && caller.tenant().isEmpty()) {
            throw new ToolCallException(DownstreamFailureMessages.noTenant(name));
        }
        try {
            return credentials.credentialFor(new CredentialRequest(inboundToken.getRawToken(), caller.subject(),
                    caller.tenant().orElse(null), caller.clientId().orElse(null), name, target.level(),
                    List.of(target.scopes())));
        } catch (StsException e) {
            throw new ToolCallException(DownstreamFailureMessages.forFailure(name, e));
        }
    }
}
