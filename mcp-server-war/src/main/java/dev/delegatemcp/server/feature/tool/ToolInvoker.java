package dev.delegatemcp.server.feature.tool;

import dev.delegatemcp.server.BeanMethodCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * Makes the call of a tool method: on its CDI bean's contextual reference, so that the bean's interceptors (such as
 * {@code @Downstream}) run.
 */
@ApplicationScoped
public class ToolInvoker {

    @Inject
    BeanManager beanManager;

    /**
     * How to call the tool's method: on its bean's contextual reference, so that its interceptors run (see
     * {@link BeanMethodCall#contextual}); made once per tool.
     */
    public BeanMethodCall callOf(ToolExtension.DiscoveredTool tool) {
        return BeanMethodCall.contextual(beanManager, tool.bean(), tool.definition().beanClass(),
                tool.definition().method());
    }
}
