package dev.delegatemcp.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * A call of one author's method found at deployment (a prompt, a completer, ...), made the same way each time.
 */
@FunctionalInterface
public interface BeanMethodCall {

    /**
     * Calls the method.
     *
     * @param arguments its arguments, in order
     * @return what it returned
     * @throws Throwable what it threw, unwrapped
     */
    Object call(Object[] arguments) throws Throwable;

    /**
     * The method called on its CDI bean's contextual reference, so that the bean's interceptors (such as
     * {@code @Downstream}) run. For a bean of a normal scope ({@code @ApplicationScoped}, {@code @RequestScoped},
     * ...) the reference is its client proxy, taken once, on the first call (CDI 4.0, section 5.4: the proxy finds
     * the current instance on each call); for a {@code @Dependent} bean an instance is made for each call and
     * destroyed after it, with the dependent instances made for it.
     */
    static BeanMethodCall contextual(BeanManager beanManager, Bean<?> bean, Class<?> beanClass, Method method) {
        // Java's access check on each call cost about 0.5 % of a tools/call echo's CPU (JFR, bench/peers/run); the
        // method was found on the bean's class at deployment and may be called by this server.
        try {
            method.trySetAccessible();
        } catch (SecurityException e) {
            // a security manager refuses: each call keeps Java's check
        }
        if (!beanManager.isNormalScope(bean.getScope())) {
            return arguments -> {
                CreationalContext<?> context = beanManager.createCreationalContext(bean);
                try {
                    return invoke(method, beanManager.getReference(bean, beanClass, context), arguments);
                } finally {
                    context.release();
                }
            };
        }
        // Taken on the first call, not now: this may be built while the container is still deploying, before
        // BeanManager.getReference may be called (CDI 4.0, section 11.3). Taking it twice in a race is harmless (the
        // same proxy).
        AtomicReference<Object> proxy = new AtomicReference<>();
        return arguments -> {
            Object reference = proxy.get();
            if (reference == null) {
                reference = beanManager.getReference(bean, beanClass, beanManager.createCreationalContext(bean));
                proxy.set(reference);
            }
            return invoke(method, reference, arguments);
        };
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
