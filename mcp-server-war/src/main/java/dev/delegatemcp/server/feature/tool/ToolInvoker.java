package dev.delegatemcp.server.feature.tool;

import dev.delegatemcp.server.BeanMethodCall;
import jakarta.enterprise.context.ApplicationScoped;
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
        return BeanMethodCall.contextual(beanManager, tool.bean(), tool.definition().beanClass(),
                tool.definition().method()).call(arguments);
    }
}
