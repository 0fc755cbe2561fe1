package dev.delegatemcp.samples.connections.connect;

import java.util.List;

import dev.delegatemcp.samples.connections.apps.SampleApp;
import dev.delegatemcp.samples.connections.vault.ConnectionLevel;

/**
 * The page behind the "connect URL" the MCP server hands to a user who has not connected an app yet: which service
 * to connect, with which scopes, and the command that does it in this demo ({@code bin/connect}). Everything
 * echoed is HTML-escaped.
 */
public final class ConnectPage {

    private ConnectPage() {
    }

    /** The page for connecting {@code app} at {@code level} with {@code scopes}. */
    public static String render(SampleApp app, ConnectionLevel level, List<String> scopes) {
        String args = app.id() + (level == ConnectionLevel.TENANT ? " --tenant" : "") + " " + String.join(" ", scopes);
        String who = level == ConnectionLevel.TENANT
                ? "for your whole tenant (a tenant admin does this once; everyone in the tenant then uses it)"
                : "for yourself";
        return page("Connect " + app.displayName(),
                "<h1>Connect " + HtmlText.escape(app.displayName()) + "</h1>\n"
                        + "<p>A tool needs access to <strong>" + HtmlText.escape(app.displayName())
                        + "</strong> (app id <code>"
                        + HtmlText.escape(app.id()) + "</code>) " + HtmlText.escape(who) + ", with the scopes <code>"
                        + HtmlText.escape(String.join(", ", scopes)) + "</code>.</p>\n"
                        + "<p>In this demo you connect from a terminal in the project directory:</p>\n"
                        + "<pre>bin/connect &lt;user&gt; " + HtmlText.escape(args) + "</pre>\n"
                        + "<p>where <code>&lt;user&gt;</code> is your demo user (alice, bob or carol), for example:</p>\n"
                        + "<pre>bin/connect alice " + HtmlText.escape(args) + "</pre>\n"
                        + "<p>Then call the tool again.</p>");
    }

    /** A page that explains why the connect link is not usable. */
    public static String problem(String sentence) {
        return page("Cannot connect", "<h1>Cannot connect</h1>\n<p>" + HtmlText.escape(sentence) + "</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + HtmlText.escape(title)
                + "</title></head>\n<body>\n" + body + "\n</body>\n</html>\n";
    }
}
