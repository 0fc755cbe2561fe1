package dev.delegatemcp.server.feature.resource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.resource.McpResource;
import dev.delegatemcp.api.resource.McpResourceTemplate;
import dev.delegatemcp.api.resource.TemplateVariable;
import dev.delegatemcp.server.MethodReferences;
import dev.delegatemcp.wire.mcp.Resource;
import dev.delegatemcp.wire.mcp.ResourceTemplate;

/**
 * Reads an {@link McpResource} or {@link McpResourceTemplate} method into a {@link ResourceDeclaration}, or says why
 * it cannot be one, naming the method.
 */
public final class ResourceDeclarationReader {

    private static final Pattern SYNTHETIC_PARAMETER_NAME = Pattern.compile("arg[0-9]+");
    private static final String SERVER_FILLED = "McpCaller, McpRequest, DownstreamCredential, DownstreamCredentials and"
            + " RemoteMcpServer";

    private ResourceDeclarationReader() {
    }

    /** Whether the method declares a resource or a resource template. */
    public static boolean declaresResource(Method method) {
        return method.isAnnotationPresent(McpResource.class) || method.isAnnotationPresent(McpResourceTemplate.class);
    }

    /** @throws InvalidResourceException naming the method when it cannot be served */
    public static ResourceDeclaration read(Class<?> beanClass, Method method) {
        McpResource resource = method.getAnnotation(McpResource.class);
        McpResourceTemplate template = method.getAnnotation(McpResourceTemplate.class);
        String reference = MethodReferences.describe(beanClass, method);
        if (resource != null && template != null) {
            throw new InvalidResourceException("Resource method " + reference
                    + ": it is annotated both @McpResource and @McpResourceTemplate; keep one");
        }
        String where = (resource != null ? "Resource method " : "Resource template method ") + reference + ": ";
        if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            throw new InvalidResourceException(where + "a resource method must be public and not static");
        }
        ReturnShape returns = ReturnShape.of(method.getGenericReturnType())
                .orElseThrow(() -> new InvalidResourceException(where + "the return type "
                        + method.getGenericReturnType().getTypeName() + " is unsupported; return String (text),"
                        + " byte[] (a blob), ResourceContents or List<ResourceContents>"));
        return resource != null ? fixed(where, resource, beanClass, method, returns)
                : templated(where, template, beanClass, method, returns);
    }

    private static ResourceDeclaration.Fixed fixed(String where, McpResource resource, Class<?> beanClass,
            Method method, ReturnShape returns) {
        ResourceChecks.uriProblem(resource.uri()).ifPresent(problem -> {
            throw new InvalidResourceException(where + problem);
        });
        String mimeType = mimeType(where, resource.mimeType());
        if (resource.size() < -1) {
            throw new InvalidResourceException(where + "the size " + resource.size()
                    + " is negative; give the size in bytes, or -1 when unknown");
        }
        List<ResourceParameter> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Optional<ResourceParameter> filled = serverFilled(parameter);
            if (filled.isEmpty()) {
                throw new InvalidResourceException(where + "parameter '" + parameter.getName() + "' of type "
                        + parameter.getType().getSimpleName() + " cannot be filled: a resource method takes "
                        + SERVER_FILLED + " parameters only (template variables need @McpResourceTemplate)");
            }
            parameters.add(filled.get());
        }
        Resource descriptor = new Resource(resource.uri(), name(resource.name(), method), text(resource.title()),
                text(resource.description()), mimeType, resource.size() < 0 ? null : resource.size());
        return new ResourceDeclaration.Fixed(descriptor, scopes(resource.scopes()), beanClass, method,
                List.copyOf(parameters), returns);
    }

    private static ResourceDeclaration.Templated templated(String where, McpResourceTemplate declared,
            Class<?> beanClass, Method method, ReturnShape returns) {
        UriTemplate template;
        try {
            template = UriTemplate.parse(declared.uriTemplate());
        } catch (IllegalArgumentException e) {
            throw new InvalidResourceException(where + "the URI template '" + declared.uriTemplate()
                    + "' cannot be served: " + e.getMessage());
        }
        String mimeType = mimeType(where, declared.mimeType());
        List<ResourceParameter> parameters = new ArrayList<>();
        Map<String, String> boundBy = new LinkedHashMap<>();
        for (Parameter parameter : method.getParameters()) {
            Optional<ResourceParameter> filled = serverFilled(parameter);
            if (filled.isPresent()) {
                parameters.add(filled.get());
                continue;
            }
            String name = variableName(where, parameter);
            if (!template.variables().contains(name)) {
                throw new InvalidResourceException(where + "parameter '" + parameter.getName()
                        + "' binds the variable '" + name + "', which the template does not have (its variables: "
                        + String.join(", ", template.variables()) + "); parameters other than " + SERVER_FILLED
                        + " are template variables");
            }
            String other = boundBy.putIfAbsent(name, parameter.getName());
            if (other != null) {
                throw new InvalidResourceException(where + "parameters '" + other + "' and '" + parameter.getName()
                        + "' both bind the variable '" + name + "'");
            }
            VariableType type = VariableType.of(parameter.getParameterizedType())
                    .orElseThrow(() -> new InvalidResourceException(where + "parameter '" + parameter.getName()
                            + "' has type " + parameter.getParameterizedType().getTypeName()
                            + ", which a template variable cannot fill; use String, int, long, boolean, their"
                            + " wrappers, UUID, an enum, or Optional of one of these"));
            if (type.primitive() && template.isOptional(name)) {
                throw new InvalidResourceException(where + "parameter '" + parameter.getName()
                        + "' is a primitive, but the URI may leave its query or fragment variable '" + name
                        + "' out; use " + wrapperOf(type.name()) + " or Optional");
            }
            parameters.add(new ResourceParameter.Variable(name, type));
        }
        for (String variable : template.variables()) {
            if (!boundBy.containsKey(variable)) {
                throw new InvalidResourceException(where + "the template's variable '" + variable
                        + "' is bound to no parameter; add a parameter named " + variable
                        + " or annotated @TemplateVariable(\"" + variable + "\")");
            }
        }
        ResourceTemplate descriptor = new ResourceTemplate(template.text(), name(declared.name(), method),
                text(declared.title()), text(declared.description()), mimeType);
        return new ResourceDeclaration.Templated(template, descriptor, scopes(declared.scopes()), beanClass, method,
                List.copyOf(parameters), returns);
    }

    /** The kinds of parameter the server fills whatever the URI: the caller and the {@code @Downstream} types. */
    private static Optional<ResourceParameter> serverFilled(Parameter parameter) {
        Class<?> type = parameter.getType();
        if (type == McpCaller.class) {
            return Optional.of(new ResourceParameter.Caller());
        }
        if (type == McpRequest.class) {
            return Optional.of(new ResourceParameter.Request());
        }
        if (type == DownstreamCredential.class || type == DownstreamCredentials.class
                || type == RemoteMcpServer.class) {
            return Optional.of(new ResourceParameter.Credential());
        }
        return Optional.empty();
    }

    private static String variableName(String where, Parameter parameter) {
        TemplateVariable annotation = parameter.getAnnotation(TemplateVariable.class);
        if (annotation != null) {
            return annotation.value();
        }
        if (!parameter.isNamePresent() && SYNTHETIC_PARAMETER_NAME.matcher(parameter.getName()).matches()) {
            throw new InvalidResourceException(where + "parameter '" + parameter.getName()
                    + "' has no name; compile with -parameters or name its variable with @TemplateVariable(...)");
        }
        return parameter.getName();
    }

    private static String mimeType(String where, String mimeType) {
        ResourceChecks.mimeTypeProblem(mimeType).ifPresent(problem -> {
            throw new InvalidResourceException(where + problem);
        });
        return text(mimeType);
    }

    private static String name(String declared, Method method) {
        return declared.isBlank() ? method.getName() : declared;
    }

    private static String text(String declared) {
        return declared.isEmpty() ? null : declared;
    }

    private static Set<String> scopes(String[] scopes) {
        return Set.copyOf(new LinkedHashSet<>(List.of(scopes)));
    }

    private static String wrapperOf(String primitive) {
        return switch (primitive) {
            case "int" -> "Integer";
            case "long" -> "Long";
            default -> "Boolean";
        };
    }
}
