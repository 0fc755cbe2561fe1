package dev.delegatemcp.server.feature.tool;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.server.protocol.McpParamHeaders;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * A call's {@code Mcp-Param-*} headers against its arguments (MCP 2026-07-28, Streamable HTTP, Server Behavior for
 * Custom Headers and Server Validation), with the cases of the conformance scenario
 * {@code http-custom-header-server-validation}.
 */
class ParameterHeadersTest {

    private static final ParameterHeaders HEADERS = ParameterHeaderReader.read(TestTools.json("""
            {"type": "object", "properties": {
              "region": {"type": "string", "x-mcp-header": "Region"},
              "priority": {"type": "integer", "x-mcp-header": "Priority"},
              "verbose": {"type": "boolean", "x-mcp-header": "Verbose"},
              "filter": {"type": "object", "properties": {"tenant": {"type": "string", "x-mcp-header": "Tenant"}}},
              "query": {"type": "string"}
            }}
            """), "test: ");

    private static McpParamHeaders sent(String... nameValuePairs) {
        Map<String, List<String>> headers = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            headers.put(nameValuePairs[i], List.of(nameValuePairs[i + 1]));
        }
        return McpParamHeaders.from(headers);
    }

    private static void accepted(String arguments, McpParamHeaders sent) {
        assertDoesNotThrow(() -> HEADERS.check(TestTools.json(arguments), sent));
    }

    private static String refused(String arguments, McpParamHeaders sent) {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> HEADERS.check(TestTools.json(arguments), sent));
        assertEquals(JsonRpcErrorCodes.HEADER_MISMATCH, e.code());
        return e.getMessage();
    }

    @Test
    void aPlainHeaderEqualToTheArgumentIsAccepted() {
        accepted("{\"region\": \"us-west1\", \"query\": \"q\"}", sent("Mcp-Param-Region", "us-west1"));
    }

    @Test
    void headerNamesAreMatchedIgnoringCase() {
        accepted("{\"region\": \"us-west1\"}", sent("mcp-param-REGION", "us-west1"));
    }

    @Test
    void aBase64HeaderIsDecodedBeforeComparing() {
        accepted("{\"region\": \"Hello\"}", sent("Mcp-Param-Region", "=?base64?SGVsbG8=?="));
        accepted("{\"region\": \"Hello, 世界\"}", sent("Mcp-Param-Region", "=?base64?SGVsbG8sIOS4lueVjA==?="));
    }

    @Test
    void invalidBase64IsRefused() {
        assertTrue(refused("{\"region\": \"Hello\"}", sent("Mcp-Param-Region", "=?base64?SGVsbG8?="))
                .contains("Mcp-Param-Region header is not valid =?base64?...?= text"));
        refused("{\"region\": \"Hello\"}", sent("Mcp-Param-Region", "=?base64?SGVs!!!bG8=?="));
    }

    @Test
    void aValueWithoutBothMarkersIsComparedAsALiteral() {
        accepted("{\"region\": \"SGVsbG8=\"}", sent("Mcp-Param-Region", "SGVsbG8="));
        accepted("{\"region\": \"=?base64?SGVsbG8=\"}", sent("Mcp-Param-Region", "=?base64?SGVsbG8="));
        refused("{\"region\": \"Hello\"}", sent("Mcp-Param-Region", "SGVsbG8="));
    }

    @Test
    void aHeaderThatDiffersFromTheArgumentIsRefusedNamingTheHeaderButNoValue() {
        String message = refused("{\"region\": \"us-west1\"}", sent("Mcp-Param-Region", "eu-west1"));

        assertEquals("Header mismatch: Mcp-Param-Region header value does not match body value arguments.region",
                message);
        assertFalse(message.contains("us-west1") || message.contains("eu-west1"));
    }

    @Test
    void stringsAreComparedExactly() {
        refused("{\"region\": \"us-west1\"}", sent("Mcp-Param-Region", "US-WEST1"));
    }

    @Test
    void anArgumentWithAValueButNoHeaderIsRefused() {
        assertEquals("Header mismatch: the Mcp-Param-Region header is required: arguments.region has a value",
                refused("{\"region\": \"test-value\", \"query\": \"q\"}", sent()));
    }

    @Test
    void anArgumentAbsentOrNullNeedsNoHeader() {
        accepted("{\"query\": \"q\"}", sent());
        accepted("{\"region\": null}", sent());
        accepted("{}", McpParamHeaders.NONE);
    }

    @Test
    void aHeaderForAnArgumentAbsentFromTheBodyIsRefused() {
        assertEquals("Header mismatch: the Mcp-Param-Region header is sent but arguments.region has no value",
                refused("{\"query\": \"q\"}", sent("Mcp-Param-Region", "us-west1")));
        refused("{\"region\": null}", sent("Mcp-Param-Region", "us-west1"));
    }

    @Test
    void headersTheToolDoesNotDeclareAreIgnored() {
        accepted("{\"query\": \"q\"}", sent("Mcp-Param-Query", "anything", "Mcp-Param-Other", "x"));
    }

    @Test
    void integersAreComparedNumerically() {
        accepted("{\"priority\": 42}", sent("Mcp-Param-Priority", "42"));
        accepted("{\"priority\": 42}", sent("Mcp-Param-Priority", "42.0"));
        accepted("{\"priority\": 42.0}", sent("Mcp-Param-Priority", "42"));
        accepted("{\"priority\": -7}", sent("Mcp-Param-Priority", "-7"));
        refused("{\"priority\": 42}", sent("Mcp-Param-Priority", "43"));
        refused("{\"priority\": 42}", sent("Mcp-Param-Priority", "forty-two"));
    }

    @Test
    void booleansAreTrueOrFalseInLowerCase() {
        accepted("{\"verbose\": true}", sent("Mcp-Param-Verbose", "true"));
        accepted("{\"verbose\": false}", sent("Mcp-Param-Verbose", "false"));
        refused("{\"verbose\": true}", sent("Mcp-Param-Verbose", "TRUE"));
        refused("{\"verbose\": false}", sent("Mcp-Param-Verbose", "true"));
    }

    @Test
    void aHeaderWithInvalidCharactersIsRefused() {
        assertEquals("Header mismatch: the Mcp-Param-Region header holds invalid characters",
                refused("{\"region\": \"Région\"}", sent("Mcp-Param-Region", "Région")));
        refused("{\"region\": \"a\\nb\"}", sent("Mcp-Param-Region", "a\nb"));
    }

    @Test
    void whitespaceAroundTheHeaderValueIsNotPartOfIt() {
        accepted("{\"region\": \"us-west1\"}", sent("Mcp-Param-Region", "  us-west1\t"));
    }

    @Test
    void anEmptyStringIsMirroredAsAnEmptyHeader() {
        accepted("{\"region\": \"\"}", sent("Mcp-Param-Region", ""));
    }

    @Test
    void aNestedArgumentIsFoundByItsPropertyPath() {
        accepted("{\"filter\": {\"tenant\": \"acme\"}}", sent("Mcp-Param-Tenant", "acme"));
        assertTrue(refused("{\"filter\": {\"tenant\": \"acme\"}}", sent()).contains("arguments.filter.tenant"));
        accepted("{\"filter\": \"not an object\"}", sent());
    }

    @Test
    void anObjectWhereAPrimitiveIsDeclaredMatchesNoHeader() {
        refused("{\"region\": {\"name\": \"us-west1\"}}", sent("Mcp-Param-Region", "us-west1"));
    }

    @Test
    void everyDeclaredHeaderIsChecked() {
        JsonObject arguments = TestTools.json("{\"region\": \"us-west1\", \"priority\": 1}");

        assertTrue(assertThrows(JsonRpcException.class,
                () -> HEADERS.check(arguments, sent("Mcp-Param-Region", "us-west1"))).getMessage()
                .contains("Mcp-Param-Priority"));
        assertDoesNotThrow(
                () -> HEADERS.check(arguments, sent("Mcp-Param-Region", "us-west1", "Mcp-Param-Priority", "1")));
    }
}
