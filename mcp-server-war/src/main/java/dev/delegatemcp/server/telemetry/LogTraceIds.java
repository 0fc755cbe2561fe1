package dev.delegatemcp.server.telemetry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Puts the current trace id and span id on every log record written while a span is current: Liberty's JSON logs
 * ({@code WLP_LOGGING_MESSAGE_FORMAT=json}) then carry them as {@code ext_traceId} and {@code ext_spanId}, on the
 * lines of the application, of the libraries it calls and of Liberty itself. Through Liberty's
 * {@code com.ibm.websphere.logging.hpel.LogRecordContext} (an IBM API package every application sees): an extension
 * registered once, whose value is read when a record is written, so requests pay nothing for it. Reflection, since
 * that API is not published to Maven repositories; where the class is missing (not on Liberty), nothing is done.
 */
@ApplicationScoped
public class LogTraceIds {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private static final Logger LOG = Logger.getLogger(LogTraceIds.class.getName());
    private static final String CONTEXT = "com.ibm.websphere.logging.hpel.LogRecordContext";

    /**
     * The registered extensions: Liberty holds them through weak references only, so this bean keeps them reachable
     * for as long as the application runs.
     */
    private final java.util.List<Object> registered = new java.util.ArrayList<>();

    /** Registered as the application starts, before its first request. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer makes CDI create this bean at start; @PostConstruct registers
    }

    @PostConstruct
    void register() {
        register(TRACE_ID, SpanContext::getTraceId);
        register(SPAN_ID, SpanContext::getSpanId);
    }

    @PreDestroy
    void unregister() {
        if (!registered.isEmpty()) {
            invoke("unregisterExtension", new Class<?>[] {String.class}, TRACE_ID);
            invoke("unregisterExtension", new Class<?>[] {String.class}, SPAN_ID);
            registered.clear();
        }
    }

    private void register(String key, Function<SpanContext, String> value) {
        try {
            Class<?> extension = Class.forName(CONTEXT + "$Extension", true, LogTraceIds.class.getClassLoader());
            Object provider = Proxy.newProxyInstance(extension.getClassLoader(), new Class<?>[] {extension},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getValue" -> current(value);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "LogTraceIds." + key;
                    });
            // Refused (logged at FINE) when another application of the server registered the key first.
            if (invoke("registerExtension", new Class<?>[] {String.class, extension}, key, provider)) {
                registered.add(provider);
            }
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "No trace ids on log records: {0}", e.toString());
        }
    }

    /** The current span's id of that kind, or null outside a recorded span (then the record has no such field). */
    static String current(Function<SpanContext, String> value) {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? value.apply(span) : null;
    }

    private static boolean invoke(String name, Class<?>[] types, Object... args) {
        try {
            Method method = Class.forName(CONTEXT, true, LogTraceIds.class.getClassLoader()).getMethod(name, types);
            method.invoke(null, args);
            return true;
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException
                | InvocationTargetException e) {
            LOG.log(Level.FINE, "No trace ids on log records: {0}", e.toString());
            return false;
        }
    }
}
