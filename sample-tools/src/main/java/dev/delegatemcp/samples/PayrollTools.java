package dev.delegatemcp.samples;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.Tool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A sample tool whose downstream target the demo's STS policy does not allow this server to reach (the demo realm
 * gives mcp-server no access to payroll-api): calling it shows how a refused exchange reaches the user, as a tool
 * result with {@code isError: true} and a sentence to act on. The method body never runs there.
 */
@ApplicationScoped
public class PayrollTools {

    @Tool(name = "payroll_summary", title = "Payroll summary",
            description = "Summarises the caller's payroll (the demo's policy refuses this server access to payroll).",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false))
    @Downstream(resource = "payroll")
    public String summary(DownstreamCredential payroll) {
        return "Payroll access granted until " + payroll.expiresAt().map(Object::toString).orElse("unknown");
    }
}
