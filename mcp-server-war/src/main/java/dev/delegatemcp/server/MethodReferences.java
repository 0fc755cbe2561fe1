package dev.delegatemcp.server;

import java.lang.reflect.Method;

/** How deployment messages name a method, e.g. {@code com.acme.Tools#search(String, int)}. */
public final class MethodReferences {

    private MethodReferences() {
    }

    /** The bean class, the method's name and its parameter types' simple names. */
    public static String describe(Class<?> beanClass, Method method) {
        StringBuilder text = new StringBuilder(beanClass.getName()).append('#').append(method.getName()).append('(');
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            text.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
        }
        return text.append(')').toString();
    }
}
