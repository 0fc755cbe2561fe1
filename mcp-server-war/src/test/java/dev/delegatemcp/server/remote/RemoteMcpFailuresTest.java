package dev.delegatemcp.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteMcpFailuresTest {

    private final RemoteMcpFailures failures = new RemoteMcpFailures("crm");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "401|The crm service did not accept your connection; reconnect it and try again.",
        "403|The crm service did not allow this request; ask your administrator for access.",
        "408|The crm service could not be reached; try again in a moment.",
        "429|The crm service could not be reached; try again in a moment.",
        "500|The crm service could not be reached; try again in a moment.",
        "503|The crm service could not be reached; try again in a moment.",
        "302|The crm service answered with something that is not MCP; please tell your administrator.",
        "404|The crm service answered with something that is not MCP; please tell your administrator.",
        "415|The crm service answered with something that is not MCP; please tell your administrator."})
    void eachStatusWithoutAJsonRpcErrorHasItsSentence(int status, String sentence) {
        assertEquals(sentence, failures.forStatus(status).getMessage());
    }

    @org.junit.jupiter.api.Test
    void aRefusalShowsTheRemoteMessageWithTheSecretsSentMasked() {
        assertEquals("The crm service refused the request: token *** and *** are bad",
                failures.refused("token s1 and s2 are bad", "s1", "s2").getMessage());
    }
}
