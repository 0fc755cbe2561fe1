package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

/** The response exception mappers of the STS and vault clients, and how a client call's failures are read. */
class ErrorMappersTest {

    @Test
    void theTokenEndpointMapperHandlesEveryStatusButOk() {
        TokenEndpointErrorMapper mapper = new TokenEndpointErrorMapper();
        assertFalse(mapper.handles(200, null));
        assertTrue(mapper.handles(201, null));
        assertTrue(mapper.handles(302, null));
        assertTrue(mapper.handles(400, null));
        assertTrue(mapper.handles(503, null));
    }

    @Test
    void anRfc6749ErrorBodyIsClassifiedByItsErrorCodeWhichTheExceptionCarries() {
        CredentialException e = TokenEndpointErrorMapper.exceptionFor(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid token\"}");
        assertInstanceOf(CredentialException.InvalidSubjectToken.class, e);
        assertEquals("invalid_grant", e.errorCode());
        assertEquals(400, e.httpStatus());
        assertEquals("The STS refused the request: HTTP 400 invalid_grant", e.getMessage());
    }

    @Test
    void keycloaksInvalidRequestIsToldApartByItsDescription() {
        assertEquals(CredentialException.Reason.INVALID_TARGET, TokenEndpointErrorMapper.exceptionFor(400,
                "{\"error\":\"invalid_request\",\"error_description\":\"Audience not available\"}").reason());
    }

    @Test
    void aTokenEndpointErrorWithoutJsonIsClassifiedByItsStatusAlone() {
        assertEquals(CredentialException.Reason.UNAVAILABLE,
                TokenEndpointErrorMapper.exceptionFor(502, "<html>Bad gateway</html>").reason());
        assertEquals(CredentialException.Reason.CLIENT_UNAUTHORIZED,
                TokenEndpointErrorMapper.exceptionFor(401, null).reason());
        assertEquals(CredentialException.Reason.DENIED, TokenEndpointErrorMapper.exceptionFor(403, "").reason());
        CredentialException failed = TokenEndpointErrorMapper.exceptionFor(400, "{not json");
        assertEquals(CredentialException.Reason.FAILED, failed.reason());
        assertNull(failed.errorCode());
    }

    @Test
    void theErrorMessageNeverCarriesTheBodyText() {
        CredentialException e = TokenEndpointErrorMapper.exceptionFor(400,
                "{\"error\":\"access_denied\",\"error_description\":\"token eyJ.secret.sig refused\"}");
        assertFalse(e.getMessage().contains("eyJ"), e.getMessage());
    }

    @Test
    void aVaultNotFoundIsNotConnectedAndCarriesTheVaultErrorCode() {
        CredentialException e = TokenVaultErrorMapper.exceptionFor(404,
                "{\"errorCode\":\"E061104\",\"errorDescription\":\"Token not found\"}");
        assertInstanceOf(CredentialException.NotConnected.class, e);
        assertEquals("E061104", e.errorCode());
        assertEquals(404, e.httpStatus());
    }

    @Test
    void aVaultDescriptionSayingNotFoundIsNotConnectedWhateverTheStatus() {
        assertEquals(CredentialException.Reason.NOT_CONNECTED,
                TokenVaultErrorMapper.exceptionFor(400, "{\"message\":\"App token not found\"}").reason());
    }

    @Test
    void otherVaultErrorsFollowTheirStatus() {
        assertEquals(CredentialException.Reason.CLIENT_UNAUTHORIZED,
                TokenVaultErrorMapper.exceptionFor(401, "{\"errorCode\":\"E011003\"}").reason());
        assertEquals(CredentialException.Reason.DENIED, TokenVaultErrorMapper.exceptionFor(403, null).reason());
        assertEquals(CredentialException.Reason.UNAVAILABLE, TokenVaultErrorMapper.exceptionFor(429, null).reason());
        assertEquals(CredentialException.Reason.UNAVAILABLE, TokenVaultErrorMapper.exceptionFor(500, "oops").reason());
        assertEquals(CredentialException.Reason.FAILED, TokenVaultErrorMapper.exceptionFor(400, "{}").reason());
    }

    @Test
    void aClientCallThatDidNotConnectIsUnavailable() {
        CredentialException e = ClientFailures.of(new ProcessingException(new ConnectException("refused")), "The STS");
        assertInstanceOf(CredentialException.Unavailable.class, e);
    }

    @Test
    void anOkAnswerThatIsNotTheJsonItShouldBeIsFailedNotUnavailable() {
        CredentialException e = ClientFailures.of(new ProcessingException(new JsonbException("bad")), "The STS");
        assertEquals(CredentialException.Reason.FAILED, e.reason());
    }

    @Test
    void aReadThatBrokeOffIsUnavailableEvenWhenJsonParsingSawIt() {
        CredentialException e = ClientFailures.of(
                new ProcessingException(new JsonbException("bad", new IOException("reset"))), "The STS");
        assertEquals(CredentialException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void theMappersOwnExceptionWrappedByTheClientIsPassedOnAsItIs() {
        CredentialException mapped = TokenVaultErrorMapper.exceptionFor(404, null);
        assertEquals(mapped, ClientFailures.of(new ProcessingException(mapped), "The token vault"));
    }
}
