package dev.delegatemcp.server.downstream;

import dev.delegatemcp.api.Downstream;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Binds repeated {@code @Downstream} (several targets, {@link Downstream.List}) to the credential injection. */
@Downstream.List({})
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DownstreamListInterceptor {

    @Inject
    DownstreamCredentialInjector injector;

    @AroundInvoke
    Object injectCredentials(InvocationContext invocation) throws Exception {
        return injector.intercept(invocation);
    }
}
