package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseFormatTest {

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | JSON | true",
        "'   ' | JSON | true",
        "application/json, text/event-stream | JSON | true",
        "text/event-stream, application/json | JSON | true",
        "application/json | JSON | false",
        "application/json;q=0.9 | JSON | false",
        "application/* | JSON | false",
        "text/event-stream | EVENT_STREAM | true",
        "text/* | EVENT_STREAM | true",
        "*/* | JSON | true",
        "text/html | NULL | false",
        "text/html, ;;; | NULL | false",
        ";;;, application/json | JSON | false"})
    void acceptNamesTheAnswersFormatAndWhetherAnEventStreamIsTaken(String accept, ResponseFormat format,
            boolean eventStreams) {
        ResponseFormat.Accepted accepted = ResponseFormat.accepted(accept);
        assertEquals(format, accepted.format());
        assertEquals(eventStreams, accepted.eventStreams());
    }

    @Test
    void eachHeaderGetsItsOwnAnswerWhenClientsWithDifferentHeadersAlternate() {
        String[] headers = {"application/json", "text/event-stream", "application/json", "application/json",
            "text/html", "text/event-stream", "application/json, text/event-stream"};
        ResponseFormat[] formats = {ResponseFormat.JSON, ResponseFormat.EVENT_STREAM, ResponseFormat.JSON,
            ResponseFormat.JSON, null, ResponseFormat.EVENT_STREAM, ResponseFormat.JSON};
        boolean[] eventStreams = {false, true, false, false, false, true, true};
        for (int i = 0; i < headers.length; i++) {
            ResponseFormat.Accepted accepted = ResponseFormat.accepted(headers[i]);
            assertEquals(formats[i], accepted.format(), headers[i]);
            assertEquals(eventStreams[i], accepted.eventStreams(), headers[i]);
        }
    }
}
