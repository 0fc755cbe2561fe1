package dev.delegatemcp.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the {@link OtlpReceiver} before any test of the run (and so before Arquillian starts the test server, which
 * exports to it from its first second), and the {@link CalendarProxy} that the second demo server's calendar tools
 * call through; stops both after the last test. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class OtlpReceiverSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        OtlpReceiver.start();
        CalendarProxy.get().start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        OtlpReceiver.stop();
        CalendarProxy.get().stop();
    }
}
