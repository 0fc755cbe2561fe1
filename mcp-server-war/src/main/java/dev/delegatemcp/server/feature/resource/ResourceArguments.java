package dev.delegatemcp.server.feature.resource;

import java.util.List;
import java.util.Map;

import dev.delegatemcp.server.protocol.RequestContext;

/** Fills a resource method's arguments for one read: template variables (already converted), the caller and the request. */
final class ResourceArguments {

    private ResourceArguments() {
    }

    /**
     * @param variables the matched template variables by name, converted to their parameters' types (empty for a
     *        fixed resource)
     * @return one value per parameter; {@link ResourceParameter.Credential} slots are null for the interceptor to fill
     */
    static Object[] bind(List<ResourceParameter> parameters, Map<String, Object> variables, RequestContext context) {
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            ResourceParameter parameter = parameters.get(i);
            if (parameter instanceof ResourceParameter.Variable variable) {
                values[i] = variables.get(variable.name());
            } else if (parameter instanceof ResourceParameter.Caller) {
                values[i] = context.caller();
            } else if (parameter instanceof ResourceParameter.Request) {
                values[i] = context.interaction();
            }
        }
        return values;
    }
}
