package dev.delegatemcp.credentials;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

/**
 * Writes a {@link TokenRequest} as {@code application/x-www-form-urlencoded} UTF-8 (RFC 6749 appendix B), the body of
 * a token endpoint request.
 */
@Produces(MediaType.APPLICATION_FORM_URLENCODED)
public class TokenRequestWriter implements MessageBodyWriter<TokenRequest> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == TokenRequest.class;
    }

    @Override
    public void writeTo(TokenRequest request, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws java.io.IOException {
        entityStream.write(encode(request).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code name=value&...}, each name and value form-urlencoded. */
    static String encode(TokenRequest request) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, List<String>> parameter : request.parameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (body.length() > 0) {
                    body.append('&');
                }
                body.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return body.toString();
    }
}
