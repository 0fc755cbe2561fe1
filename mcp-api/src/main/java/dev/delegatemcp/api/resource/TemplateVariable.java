package dev.delegatemcp.api.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of an {@link McpResourceTemplate} method to the template variable of that name; without it, the
 * parameter's own name is the variable's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TemplateVariable {

    /** The variable's name as written in the template, e.g. {@code id} for {@code test://template/{id}/data}. */
    String value();
}
