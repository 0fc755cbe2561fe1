package dev.delegatemcp.server.downstream;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.RemoteMcpServer;
import jakarta.ws.rs.HttpMethod;

/**
 * What a method declares with {@code @Downstream}, read the same way at deployment ({@link DownstreamExtension}) and
 * on each call ({@link DownstreamCredentialInjector}): its targets and which parameter takes which.
 */
final class DownstreamDeclarations {

    private DownstreamDeclarations() {
    }

    /** The {@code @Downstream} targets of a method: those on the method, else those on its class. */
    static List<Downstream> targets(Class<?> beanClass, Method method) {
        Downstream[] onMethod = method.getAnnotationsByType(Downstream.class);
        return List.of(onMethod.length > 0 ? onMethod : beanClass.getAnnotationsByType(Downstream.class));
    }

    /** The HTTP methods that may be sent twice (RFC 9110, 9.2.2). */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    /** The target names of REST client methods, read once per method (annotations are slow to read per request). */
    private static final ClassValue<Map<Method, Optional<String>>> REST_CLIENT_TARGETS = new ClassValue<>() {
        @Override
        protected Map<Method, Optional<String>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** Whether a type declares {@code @Downstream}, on itself or on one of its methods. */
    static boolean declaresTargets(Class<?> type) {
        if (type.getAnnotationsByType(Downstream.class).length > 0) {
            return true;
        }
        for (Method method : type.getMethods()) {
            if (method.getAnnotationsByType(Downstream.class).length > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an interceptor sees a call of a REST client interface method (an interface method on a dynamic proxy,
     * which is what MicroProfile Rest Client implementations hand out) rather than of a CDI bean's own method.
     */
    static boolean isRestClientCall(Class<?> targetClass, Method method) {
        return method.getDeclaringClass().isInterface() && Proxy.isProxyClass(targetClass);
    }

    /** The targets of a REST client interface method: the method's, else its interface's. */
    static List<Downstream> restClientTargets(Method method) {
        return targets(method.getDeclaringClass(), method);
    }

    /**
     * The one target of a method of a REST client's interface (the method's own, else the interface's; for a method
     * inherited from another interface, the client's), or null when it has none.
     */
    static String restClientTargetName(Class<?> restClientInterface, Method method) {
        return REST_CLIENT_TARGETS.get(restClientInterface).computeIfAbsent(method, m -> {
            List<Downstream> targets = targets(restClientInterface, m);
            return targets.size() == 1 ? Optional.of(targetName(targets.get(0))) : Optional.empty();
        }).orElse(null);
    }

    /**
     * What is wrong with a REST client method's targets: one request carries one credential, and it is put on
     * requests sent on the calling thread, so an asynchronous method ({@link CompletionStage}, {@link Future}) cannot
     * carry it.
     */
    static Optional<String> restClientProblem(Method method, List<Downstream> downstreams) {
        if (downstreams.size() > 1) {
            return Optional.of("a REST client request carries one credential, but it declares " + downstreams.size()
                    + " @Downstream targets; declare one, on the interface or on the method");
        }
        if (!downstreams.isEmpty() && (CompletionStage.class.isAssignableFrom(method.getReturnType())
                || Future.class.isAssignableFrom(method.getReturnType()))) {
            return Optional.of("a @Downstream REST client sends the caller's credential on the calling thread, so it"
                    + " cannot be asynchronous; return the answer itself, not a "
                    + method.getReturnType().getSimpleName());
        }
        return problem(method, downstreams);
    }

    /**
     * Whether a REST client method may be sent twice: its HTTP method (the annotation meta-annotated with
     * {@link HttpMethod}) is idempotent (RFC 9110, 9.2.2). A method without one is not.
     */
    static boolean isIdempotent(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return IDEMPOTENT.contains(http.value());
            }
        }
        return false;
    }

    /** The logical name of a target: its resource or its connection. */
    static String targetName(Downstream downstream) {
        return downstream.resource().isEmpty() ? downstream.connection() : downstream.resource();
    }

    /** What is wrong with the declaration of a method's targets and credential parameters; empty when nothing. */
    static Optional<String> problem(Method method, List<Downstream> downstreams) {
        Set<String> names = new LinkedHashSet<>();
        for (Downstream downstream : downstreams) {
            if (downstream.resource().isEmpty() == downstream.connection().isEmpty()) {
                return Optional.of("@Downstream needs exactly one of resource or connection");
            }
            if (!names.add(targetName(downstream))) {
                return Optional.of("@Downstream target '" + targetName(downstream) + "' is declared twice");
            }
        }
        long credentialParameters = List.of(method.getParameterTypes()).stream()
                .filter(type -> type == DownstreamCredential.class || type == RemoteMcpServer.class).count();
        boolean wantsCredentials = credentialParameters > 0 || List.of(method.getParameterTypes())
                .contains(DownstreamCredentials.class);
        if (wantsCredentials && downstreams.isEmpty()) {
            return Optional.of("it takes a downstream credential but declares no @Downstream target");
        }
        if (credentialParameters > downstreams.size()) {
            return Optional.of("it takes " + credentialParameters
                    + " DownstreamCredential and RemoteMcpServer parameters but declares " + downstreams.size()
                    + " @Downstream targets");
        }
        return Optional.empty();
    }

    /**
     * Which target each parameter takes: a {@link DownstreamCredential} or {@link RemoteMcpServer} parameter takes the
     * next target in declaration order (its index among the method's targets); any other parameter has -1.
     */
    static int[] targetOfParameters(Method method) {
        Class<?>[] types = method.getParameterTypes();
        int[] targets = new int[types.length];
        int next = 0;
        for (int i = 0; i < types.length; i++) {
            targets[i] = types[i] == DownstreamCredential.class || types[i] == RemoteMcpServer.class ? next++ : -1;
        }
        return targets;
    }

    /** The targets its {@link RemoteMcpServer} parameters receive (see {@link #targetOfParameters}). */
    static List<String> remoteServerTargets(Method method, List<String> targets) {
        List<String> remote = new ArrayList<>();
        int[] targetOf = targetOfParameters(method);
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == RemoteMcpServer.class && targetOf[i] < targets.size()) {
                remote.add(targets.get(targetOf[i]));
            }
        }
        return remote;
    }
}
