package dev.delegatemcp.conformance;

import java.util.Base64;

/** The media the suite's reference server returns (its TEST_IMAGE_BASE64 and TEST_AUDIO_BASE64). */
final class Media {

    /** A 1x1 red PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    /** A minimal WAV file. */
    static final byte[] WAV =
            Base64.getDecoder().decode("UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=");

    private Media() {
    }
}
