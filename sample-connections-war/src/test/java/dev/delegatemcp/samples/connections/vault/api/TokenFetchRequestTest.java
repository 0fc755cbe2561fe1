package dev.delegatemcp.samples.connections.vault.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.delegatemcp.samples.connections.vault.ConnectionLevel;
import dev.delegatemcp.samples.connections.vault.TokenQuery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenFetchRequestTest {

    @Test
    void parsesAUserFetchByScopesWithOptions() throws Exception {
        TokenFetchRequest request = TokenFetchRequest.parse("""
                {"appId": "crm", "userId": "u1", "tenantId": "acme", "scopes": ["crm.read"],
                 "options": {"withRefreshToken": true, "forceRefresh": true}, "externalIdentifier": "ignored"}""",
                ConnectionLevel.USER, true);

        assertEquals(TokenQuery.userByScopes("crm", "u1", "acme", List.of("crm.read"), true), request.query());
        assertTrue(request.withRefreshToken());
    }

    @Test
    void latestOperationsIgnoreScopesAndDefaultTheOptions() throws Exception {
        TokenFetchRequest request = TokenFetchRequest.parse("{\"appId\": \"docs\", \"tenantId\": \"acme\", "
                + "\"scopes\": [\"x\"]}", ConnectionLevel.TENANT, false);

        assertEquals(TokenQuery.tenantLatest("docs", "acme", false), request.query());
        assertNull(request.query().scopes());
        assertFalse(request.withRefreshToken());
    }

    @Test
    void missingScopesOnAByScopesOperationRequireNone() throws Exception {
        TokenFetchRequest request = TokenFetchRequest.parse("{\"appId\": \"crm\", \"userId\": \"u1\"}",
                ConnectionLevel.USER, true);

        assertEquals(List.of(), request.query().scopes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "USER   | {\"userId\": \"u1\"}                                   | appId is required",
        "USER   | {\"appId\": \"\", \"userId\": \"u1\"}                  | appId is required",
        "USER   | {\"appId\": \"crm\"}                                   | userId is required",
        "USER   | {\"appId\": 7, \"userId\": \"u1\"}                     | appId must be a string",
        "USER   | {\"appId\": \"crm\", \"userId\": \"u1\", \"tenantId\": 1} | tenantId must be a string",
        "TENANT | {\"appId\": \"crm\", \"userId\": \"u1\"}               | tenantId is required",
        "USER   | {\"appId\": \"crm\", \"userId\": \"u1\", \"scopes\": \"crm.read\"} | scopes must be an array of strings",
        "USER   | {\"appId\": \"crm\", \"userId\": \"u1\", \"scopes\": [1]}  | scopes must be an array of strings",
        "USER   | {\"appId\": \"crm\", \"userId\": \"u1\", \"options\": true} | options must be an object",
        "USER   | {\"appId\": \"crm\", \"userId\": \"u1\", \"options\": {\"forceRefresh\": \"yes\"}} | options.forceRefresh must be a boolean",
        "USER   | [1, 2]                                                 | the request body must be a JSON object",
        "USER   | {not json                                              | the request body is not valid JSON",
    })
    void malformedBodiesAreRefusedWithTheReason(ConnectionLevel level, String body, String reason) {
        InvalidVaultRequestException e = assertThrows(InvalidVaultRequestException.class,
                () -> TokenFetchRequest.parse(body, level, true));

        assertEquals(reason, e.getMessage());
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertThrows(InvalidVaultRequestException.class, () -> TokenFetchRequest.parse("", ConnectionLevel.USER, true));
        assertThrows(InvalidVaultRequestException.class,
                () -> TokenFetchRequest.parse(null, ConnectionLevel.USER, false));
    }
}
