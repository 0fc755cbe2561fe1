package dev.delegatemcp.server.downstream;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.RemoteMcpServer;

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
