package dev.delegatemcp.server.security;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * Says, for the log, why Liberty's MP-JWT most likely rejected a bearer token, without ever repeating the token:
 * one sentence per failure, from the token's (unverified) header and claims compared with this server's settings.
 */
public final class TokenRejectionReason {

    /** Looked up once: {@code Json.createXxx} looks the provider up again on every call (a class-loader lock). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private TokenRejectionReason() {
    }

    /**
     * @param authorization the Authorization header value
     * @param trustedIssuer the issuer this server accepts
     * @param audiences the audiences this server accepts
     */
    public static String explain(String authorization, String trustedIssuer, List<String> audiences, Instant now) {
        String value = authorization == null ? "" : authorization.trim();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "the Authorization header is not a Bearer token";
        }
        String[] parts = value.substring(7).trim().split("\\.", -1);
        if (parts.length != 3) {
            return "the bearer token is not a JWT";
        }
        JsonObject header = decode(parts[0]);
        JsonObject claims = decode(parts[1]);
        if (header == null || claims == null) {
            return "the bearer token is not a well-formed JWT";
        }
        String algorithm = clean(header.getString("alg", ""));
        if (algorithm.isEmpty() || "none".equalsIgnoreCase(algorithm) || parts[2].isEmpty()) {
            return "the token is not signed (alg " + (algorithm.isEmpty() ? "missing" : algorithm) + ")";
        }
        JsonValue exp = claims.get("exp");
        if (exp instanceof JsonNumber expiry && expiry.longValue() < now.getEpochSecond()) {
            return "the token expired at " + Instant.ofEpochSecond(Math.max(0, expiry.longValue()));
        }
        if (exp == null) {
            return "the token has no expiry (exp)";
        }
        String issuer = clean(claims.getString("iss", null));
        if (trustedIssuer != null && !trustedIssuer.equals(issuer)) {
            return "the token's issuer " + issuer + " is not the trusted issuer " + trustedIssuer;
        }
        List<String> tokenAudiences = audiences(claims.get("aud")).stream().map(TokenRejectionReason::clean).toList();
        if (tokenAudiences.stream().noneMatch(audiences::contains)) {
            return "the token's audience " + tokenAudiences + " does not include this server " + audiences;
        }
        return "the token's signature could not be verified with the issuer's keys (" + algorithm + ", kid "
                + clean(header.getString("kid", "none")) + ")";
    }

    /**
     * Claims are unverified input from anyone: no control characters (which could forge log lines) and a bounded
     * length before they go into the log.
     */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 200 ? printable.substring(0, 200) + "..." : printable;
    }

    private static List<String> audiences(JsonValue aud) {
        if (aud instanceof JsonString single) {
            return List.of(single.getString());
        }
        if (aud instanceof JsonArray many) {
            return many.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
        }
        return List.of();
    }

    private static JsonObject decode(String part) {
        try (JsonReader reader = JSON.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
