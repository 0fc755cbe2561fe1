package dev.delegatemcp.server.downstream;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.credentials.DownstreamTarget;

/**
 * Builds the answer to "not connected": the connect URL from the target's {@code connect-url} template (placeholders
 * {@code {app}}, {@code {target}}, {@code {scopes}} (comma separated), {@code {level}} ({@code user} or
 * {@code tenant}) and {@code {tenant}}, each URL-encoded) and the sentences for the user.
 */
public final class ConnectLinks {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(app|target|scopes|level|tenant)}");

    private ConnectLinks() {
    }

    static ConnectionRequiredException required(DownstreamTarget target, Downstream.Level level, List<String> scopes,
            String tenant) {
        String url = target.connectUrl().map(template -> expand(template, Map.of("app", target.appId(), "target",
                target.name(), "scopes", String.join(",", scopes), "level", level.name().toLowerCase(), "tenant",
                tenant == null ? "" : tenant))).orElse(null);
        String name = target.name();
        if (level == Downstream.Level.TENANT) {
            String elicitation = "Your organisation has not connected " + name + " yet; an administrator of "
                    + tenant + " needs to connect it.";
            return new ConnectionRequiredException(name, url, elicitation + (url == null
                    ? " Ask your administrator to connect it, then try again."
                    : " Ask them to open " + url + " and connect it, then try again."), elicitation);
        }
        String elicitation = "Connect your " + name + " account to let this tool use it"
                + (scopes.isEmpty() ? "." : " (" + String.join(", ", scopes) + ").");
        return new ConnectionRequiredException(name, url, elicitation + (url == null
                ? " Ask your administrator how to connect it, then try again."
                : " Open " + url + " to connect it, then try again."), elicitation);
    }

    static String expand(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder url = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(url, Matcher.quoteReplacement(
                    URLEncoder.encode(values.get(matcher.group(1)), StandardCharsets.UTF_8).replace("+", "%20")));
        }
        return matcher.appendTail(url).toString();
    }
}
