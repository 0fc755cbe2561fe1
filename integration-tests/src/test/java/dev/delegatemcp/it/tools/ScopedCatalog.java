package dev.delegatemcp.it.tools;

import java.util.List;
import java.util.stream.Stream;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.completion.CompleteArgument;
import dev.delegatemcp.api.prompt.Prompt;
import dev.delegatemcp.api.prompt.PromptArg;
import dev.delegatemcp.api.resource.McpResource;
import dev.delegatemcp.api.resource.McpResourceTemplate;
import dev.delegatemcp.api.resource.TemplateVariable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resources, a resource template and prompts, each open to every caller or restricted to tokens with
 * {@code admin.read}, with completers: what scopes do to resources, prompts and completions. Test deployments only.
 */
@ApplicationScoped
public class ScopedCatalog {

    static final String ADMIN_TEMPLATE = "e2e://admin/users/{user}";

    @McpResource(uri = "e2e://open/notice", name = "e2e_notice", mimeType = "text/plain")
    public String notice() {
        return "open to every caller";
    }

    @McpResource(uri = "e2e://admin/audit-summary", name = "e2e_audit_summary", mimeType = "text/plain",
            scopes = "admin.read")
    public String auditSummary() {
        return "3 incidents this week";
    }

    @McpResourceTemplate(uriTemplate = ADMIN_TEMPLATE, name = "e2e_admin_user", mimeType = "text/plain",
            scopes = "admin.read")
    public String adminUser(@TemplateVariable("user") String user) {
        return "account of " + user;
    }

    @CompleteArgument(resourceTemplate = ADMIN_TEMPLATE, argument = "user")
    public List<String> users(String typed) {
        return Stream.of("alice", "albert", "bob").filter(name -> name.startsWith(typed)).toList();
    }

    @Prompt(name = "e2e_open_prompt", description = "A prompt every caller may get")
    public String openPrompt(McpCaller caller) {
        return "Say hello to " + caller.subject() + ".";
    }

    @Prompt(name = "e2e_admin_prompt", description = "A prompt for administrators only", scopes = "admin.read")
    public String adminPrompt(@PromptArg(name = "topic", description = "what to report on") String topic) {
        return "Write an audit report on " + topic + ".";
    }

    @CompleteArgument(prompt = "e2e_admin_prompt", argument = "topic")
    public List<String> topics(String typed) {
        return Stream.of("access", "accounts", "billing").filter(topic -> topic.startsWith(typed)).toList();
    }
}
