package dev.delegatemcp.server.feature.resource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a resource's URI and MIME type must be, checked the same way for annotated and added resources. */
final class ResourceChecks {

    /** RFC 6838 type and subtype names (restricted-name), optionally followed by parameters. */
    private static final Pattern MIME_TYPE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(\\s*;.*)?");

    private ResourceChecks() {
    }

    /** What is wrong with a resource URI: it must be an absolute RFC 3986 URI (with a scheme), in ASCII. */
    static Optional<String> uriProblem(String uri) {
        if (uri == null || uri.isEmpty()) {
            return Optional.of("the URI is empty");
        }
        if (!uri.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            return Optional.of("the URI '" + uri + "' has a space or a character outside ASCII; percent-encode it");
        }
        try {
            if (!new URI(uri).isAbsolute()) {
                return Optional.of("the URI '" + uri + "' is not absolute; start it with a scheme such as test://");
            }
        } catch (URISyntaxException e) {
            return Optional.of("the URI '" + uri + "' is not a URI (RFC 3986): " + e.getReason() + " at index "
                    + e.getIndex());
        }
        return Optional.empty();
    }

    /** What is wrong with a MIME type (null or empty: none declared, which is fine). */
    static Optional<String> mimeTypeProblem(String mimeType) {
        if (mimeType == null || mimeType.isEmpty() || MIME_TYPE.matcher(mimeType).matches()) {
            return Optional.empty();
        }
        return Optional.of("the MIME type '" + mimeType + "' is not a MIME type such as text/plain");
    }
}
