package dev.delegatemcp.server.feature.tool;

import java.lang.reflect.InvocationTargetException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * Calls a tool method on its CDI bean's contextual reference, so that the bean's interceptors (such as
 * {@code @Downstream}) run. Dependent instances are destroyed after the call.
 */
@ApplicationScoped
public class ToolInvoker {

    @Inject
    BeanManager beanManager;

    /**
     * @return what the tool returned
     * @throws Throwable what the tool threw, unwrapped
     */
    public Object invoke(ToolExtension.DiscoveredTool tool, Object[] arguments) throws Throwable {
        Bean<?> bean = tool.bean();
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        try {
            Object instance = beanManager.getReference(bean, tool.definition().beanClass(), context);
            return tool.definition().method().invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            context.release();
        }
    }
}
