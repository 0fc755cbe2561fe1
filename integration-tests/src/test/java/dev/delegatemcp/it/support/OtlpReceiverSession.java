package dev.delegatemcp.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the {@link OtlpReceiver} before any test of the run (and so before Arquillian starts the test server, which
 * exports to it from its first second), and stops it after the last. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class OtlpReceiverSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        OtlpReceiver.start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        OtlpReceiver.stop();
    }
}
