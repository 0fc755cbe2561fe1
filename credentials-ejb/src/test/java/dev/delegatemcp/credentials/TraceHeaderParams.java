package dev.delegatemcp.credentials;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.HeaderParam;

/** The {@code @HeaderParam} names of a Rest Client method's parameters, in order, for the unit tests. */
final class TraceHeaderParams {

    private TraceHeaderParams() {
    }

    static List<String> of(Method method) {
        List<String> names = new ArrayList<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof HeaderParam header) {
                    names.add(header.value());
                }
            }
        }
        return names;
    }
}
