package dev.delegatemcp.server.feature.resource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.List;
import java.util.Optional;

import dev.delegatemcp.api.resource.ResourceContents;

/** What a resource method returns, which decides how the value becomes the read's contents. */
enum ReturnShape {
    /** {@code String}: one text item. */
    TEXT,
    /** {@code byte[]}: one blob item. */
    BYTES,
    /** {@link ResourceContents} (or one of its records): one item. */
    CONTENTS,
    /** {@code List<ResourceContents>} (or of one of its records, or {@code ? extends} them): several items. */
    CONTENTS_LIST;

    /** The shape of a method's generic return type; empty when it is none of the above. */
    static Optional<ReturnShape> of(Type type) {
        if (type == String.class) {
            return Optional.of(TEXT);
        }
        if (type == byte[].class) {
            return Optional.of(BYTES);
        }
        if (type instanceof Class<?> raw && ResourceContents.class.isAssignableFrom(raw)) {
            return Optional.of(CONTENTS);
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type item = list.getActualTypeArguments()[0];
            if (item instanceof WildcardType wildcard && wildcard.getLowerBounds().length == 0) {
                item = wildcard.getUpperBounds()[0];
            }
            if (item instanceof Class<?> raw && ResourceContents.class.isAssignableFrom(raw)) {
                return Optional.of(CONTENTS_LIST);
            }
        }
        return Optional.empty();
    }
}
