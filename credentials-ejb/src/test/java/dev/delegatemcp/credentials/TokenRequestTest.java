package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TokenRequestTest {

    @Test
    void aClientCredentialsGrantHasItsGrantTypeAndSpaceSeparatedScopesOnly() {
        assertEquals("grant_type=client_credentials&scope=outbound.token.fetch+other",
                TokenRequestWriter.encode(TokenRequest.clientCredentials(List.of("outbound.token.fetch", "other"))));
        assertEquals("grant_type=client_credentials",
                TokenRequestWriter.encode(TokenRequest.clientCredentials(List.of())));
    }

    @Test
    void theFormIsUrlEncodedWithOneAudienceParameterEach() {
        String body = TokenRequestWriter.encode(TokenRequest.tokenExchange(new TokenExchangeRequest("a.b+c/d=",
                "https://api.example.com/x?y=1", List.of("one", "two"), List.of(), Map.of())));
        assertEquals(java.util.Set.of("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange",
                "subject_token=a.b%2Bc%2Fd%3D",
                "subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token",
                "resource=https%3A%2F%2Fapi.example.com%2Fx%3Fy%3D1", "audience=one", "audience=two"),
                java.util.Set.of(body.split("&")));
        assertEquals(body.indexOf("audience=one") < body.indexOf("audience=two"), true, "audiences in order");
    }

    @Test
    void toStringNeverShowsTheSubjectToken() {
        TokenRequest request = TokenRequest.tokenExchange(new TokenExchangeRequest("eyJ.subject.sig", null,
                List.of("calendar-api"), List.of(), Map.of("tenantId", "acme")));
        assertFalse(request.toString().contains("eyJ"), request.toString());
    }
}
