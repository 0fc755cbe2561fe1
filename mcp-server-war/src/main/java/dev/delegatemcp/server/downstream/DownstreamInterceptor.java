package dev.delegatemcp.server.downstream;

import dev.delegatemcp.api.Downstream;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Binds {@code @Downstream} (one target) to the credential injection. */
@Downstream(resource = "")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DownstreamInterceptor {

    @Inject
    DownstreamCredentialInjector injector;

    @AroundInvoke
    Object injectCredentials(InvocationContext invocation) throws Exception {
        return injector.intercept(invocation);
    }
}
