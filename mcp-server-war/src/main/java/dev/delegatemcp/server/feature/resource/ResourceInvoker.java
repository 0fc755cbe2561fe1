package dev.delegatemcp.server.feature.resource;

import java.lang.reflect.InvocationTargetException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * Calls a resource method on its CDI bean's contextual reference, so that the bean's interceptors (such as
 * {@code @Downstream}) run. Dependent instances are destroyed after the call.
 */
@ApplicationScoped
public class ResourceInvoker {

    @Inject
    BeanManager beanManager;

    /**
     * @return what the method returned
     * @throws Throwable what the method threw, unwrapped
     */
    public Object invoke(Bean<?> bean, ResourceDeclaration declaration, Object[] arguments) throws Throwable {
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        try {
            Object instance = beanManager.getReference(bean, declaration.beanClass(), context);
            return declaration.method().invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            context.release();
        }
    }
}
