package dev.delegatemcp.server.downstream;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.server.remote.RemoteMcpServers;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;

/**
 * The work of the {@code @Downstream} interceptors: for each declared target, obtain the caller's credential
 * ({@link CallerCredentials}), then fill the tool's parameters: each {@link DownstreamCredential} or
 * {@link RemoteMcpServer} parameter takes the next target in declaration order, a {@link DownstreamCredentials}
 * parameter takes them all. A failure stops the call with a {@link ToolCallException} the user can act on (a
 * {@link ConnectionRequiredException} when the service is not connected yet). The inbound token itself never
 * reaches the tool.
 * <p>
 * Dependent, as is {@link CallerCredentials}: each interceptor holds its own instance, which holds no state, and
 * calls it directly. Through an application-scoped bean's client proxy, every tool call went through two more proxy
 * calls, each looking the instance up again.
 */
@Dependent
public class DownstreamCredentialInjector {

    @Inject
    CallerCredentials credentials;

    @Inject
    RemoteMcpServers remoteServers;

    @Inject
    McpRequest request;

    @Inject
    ConnectConfig connectConfig;

    @Inject
    DownstreamRestClientCall restClientCall;

    private static final String DONE = DownstreamCredentialInjector.class.getName() + ".done";

    /** The plans of the tool methods, by bean class: reading annotations and parameter types on every call is slow. */
    private static final ClassValue<Map<Method, InjectionPlan>> PLANS = new ClassValue<>() {
        @Override
        protected Map<Method, InjectionPlan> computeValue(Class<?> beanClass) {
            return new ConcurrentHashMap<>();
        }
    };

    /** The plans of REST client interface methods, by interface. */
    private static final ClassValue<Map<Method, RestClientPlan>> REST_CLIENT_PLANS = new ClassValue<>() {
        @Override
        protected Map<Method, RestClientPlan> computeValue(Class<?> restClientInterface) {
            return new ConcurrentHashMap<>();
        }
    };

    Object intercept(InvocationContext invocation) throws Exception {
        // Both interceptors may be bound to one method (single and repeated binding): obtain credentials once.
        if (invocation.getContextData().putIfAbsent(DONE, Boolean.TRUE) != null) {
            return invocation.proceed();
        }
        Class<?> beanClass = invocation.getTarget().getClass();
        if (DownstreamDeclarations.isRestClientCall(beanClass, invocation.getMethod())) {
            RestClientPlan plan = REST_CLIENT_PLANS.get(invocation.getMethod().getDeclaringClass())
                    .computeIfAbsent(invocation.getMethod(), RestClientPlan::of);
            return restClientCall.proceed(invocation, plan.target().name(), plan.idempotent(),
                    () -> obtain(plan.target()));
        }
        InjectionPlan plan = PLANS.get(beanClass).computeIfAbsent(invocation.getMethod(),
                method -> InjectionPlan.of(beanClass, method));
        DownstreamCredential[] obtained = new DownstreamCredential[plan.targets().size()];
        for (int t = 0; t < obtained.length; t++) {
            InjectionPlan.Target target = plan.targets().get(t);
            obtained[t] = obtain(target);
        }
        Object[] parameters = invocation.getParameters();
        for (InjectionPlan.Slot slot : plan.slots()) {
            if (parameters[slot.parameter()] == null) {
                parameters[slot.parameter()] = switch (slot.kind()) {
                    case CREDENTIAL -> obtained[slot.target()];
                    case REMOTE_SERVER ->
                        remoteServer(plan.targets().get(slot.target()).name(), obtained[slot.target()]);
                    case ALL_CREDENTIALS -> allByName(plan, obtained);
                };
            }
        }
        invocation.setParameters(parameters);
        return invocation.proceed();
    }

    /** The caller's credential for the target; a user connection may be made inside the call (InCallConnect). */
    private DownstreamCredential obtain(InjectionPlan.Target target) {
        try {
            return credentials.obtain(target.name(), target.level(), target.scopes());
        } catch (ConnectionRequiredException required) {
            if (target.level() != Downstream.Level.USER) {
                throw required;
            }
            return new InCallConnect(connectConfig, duration -> Thread.sleep(duration.toMillis())).connect(request,
                    required, () -> credentials.obtain(target.name(), target.level(), target.scopes()));
        }
    }

    private RemoteMcpServer remoteServer(String target, DownstreamCredential credential) {
        return remoteServers.open(target, credentials.target(target).mcpUrl()
                .orElseThrow(() -> new IllegalStateException("mcp-url of " + target + " is not set")), credential,
                request.traceContext());
    }

    private static DownstreamCredentials allByName(InjectionPlan plan, DownstreamCredential[] obtained) {
        Map<String, DownstreamCredential> byName = new LinkedHashMap<>();
        for (int t = 0; t < obtained.length; t++) {
            byName.put(plan.targets().get(t).name(), obtained[t]);
        }
        return new DownstreamCredentials(byName);
    }

    /** What a call of one REST client interface method needs, read once: its one target, whether it may repeat. */
    record RestClientPlan(InjectionPlan.Target target, boolean idempotent) {

        static RestClientPlan of(Method method) {
            // The interceptor is bound by a @Downstream of the method or its interface, so there is at least one.
            List<Downstream> targets = DownstreamDeclarations.restClientTargets(method);
            Optional<String> problem = DownstreamDeclarations.restClientProblem(method, targets);
            if (problem.isPresent()) { // a client the deployment did not check (RestClientBuilder)
                throw new IllegalStateException(method + ": " + problem.get());
            }
            return new RestClientPlan(InjectionPlan.Target.of(targets.get(0)),
                    DownstreamDeclarations.isIdempotent(method));
        }
    }

    /**
     * What one tool method needs, read once: its targets in declaration order (the method's, else its bean class's,
     * the same rule as at deployment) and which parameter receives what.
     */
    record InjectionPlan(List<Target> targets, List<Slot> slots) {

        record Target(String name, Downstream.Level level, List<String> scopes) {

            static Target of(Downstream declared) {
                return new Target(DownstreamDeclarations.targetName(declared), declared.level(),
                        List.of(declared.scopes()));
            }
        }

        enum Kind { CREDENTIAL, REMOTE_SERVER, ALL_CREDENTIALS }

        /** A parameter to fill, and with which target (unused for {@link Kind#ALL_CREDENTIALS}). */
        record Slot(int parameter, Kind kind, int target) {
        }

        static InjectionPlan of(Class<?> beanClass, Method method) {
            List<Target> targets = DownstreamDeclarations.targets(beanClass, method).stream().map(Target::of).toList();
            Class<?>[] types = method.getParameterTypes();
            int[] targetOf = DownstreamDeclarations.targetOfParameters(method);
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < types.length; i++) {
                if (targetOf[i] >= targets.size()) { // the deployment check refuses such a tool
                    throw new IllegalStateException(method + " has more DownstreamCredential and RemoteMcpServer"
                            + " parameters than its " + targets.size() + " @Downstream targets");
                }
                if (targetOf[i] >= 0) {
                    slots.add(new Slot(i, types[i] == RemoteMcpServer.class ? Kind.REMOTE_SERVER : Kind.CREDENTIAL,
                            targetOf[i]));
                } else if (types[i] == DownstreamCredentials.class) {
                    slots.add(new Slot(i, Kind.ALL_CREDENTIALS, -1));
                }
            }
            return new InjectionPlan(targets, List.copyOf(slots));
        }
    }
}
