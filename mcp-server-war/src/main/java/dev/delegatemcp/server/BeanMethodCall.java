package dev.delegatemcp.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

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
     * {@code @Downstream}) run; dependent instances made for the call are destroyed after it.
     */
    static BeanMethodCall contextual(BeanManager beanManager, Bean<?> bean, Class<?> beanClass, Method method) {
        return arguments -> {
            CreationalContext<?> context = beanManager.createCreationalContext(bean);
            try {
                return method.invoke(beanManager.getReference(bean, beanClass, context), arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                context.release();
            }
        };
    }
}
