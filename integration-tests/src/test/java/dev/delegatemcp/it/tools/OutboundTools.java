package dev.delegatemcp.it.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.RemoteToolResult;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import dev.delegatemcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tools whose credentials are stored connection tokens from the Outbound Apps token API (the test's double); the
 * targets are configured in test-server.xml. Test deployments only.
 */
@ApplicationScoped
public class OutboundTools {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * What a tool received, without the secret: its SHA-256 digest, its type, its expiry (Unix seconds, -1 when
     * unknown) and granted scopes (sorted).
     */
    public record CredentialView(String target, String type, String secretDigest, long expiresAt,
            List<String> scopes) {

        static CredentialView of(DownstreamCredential credential) {
            return new CredentialView(credential.target(), credential.type().name(), sha256(credential.secret()),
                    credential.expiresAt().map(java.time.Instant::getEpochSecond).orElse(-1L),
                    credential.scopes().stream().sorted().toList());
        }
    }

    @Inject
    @ConfigProperty(name = "it.downstream.base")
    String base;

    @Tool(name = "files_credential", description = "A user's stored token fetched by the target's default scopes")
    @Downstream(connection = "files")
    public CredentialView files(DownstreamCredential files) {
        return CredentialView.of(files);
    }

    @Tool(name = "notes_credential", description = "A user's latest stored token (the target has no scopes)")
    @Downstream(connection = "notes")
    public CredentialView notes(DownstreamCredential notes) {
        return CredentialView.of(notes);
    }

    @Tool(name = "team_drive_credential", description = "The tenant's stored token fetched by scopes")
    @Downstream(connection = "team_drive", level = Downstream.Level.TENANT)
    public CredentialView teamDrive(DownstreamCredential drive) {
        return CredentialView.of(drive);
    }

    @Tool(name = "team_wiki_credential", description = "The tenant's latest stored token")
    @Downstream(connection = "team_wiki", level = Downstream.Level.TENANT)
    public CredentialView teamWiki(DownstreamCredential wiki) {
        return CredentialView.of(wiki);
    }

    @Tool(name = "flaky_credential", description = "A stored token from an app the token API can be made to fail for")
    @Downstream(connection = "flaky")
    public CredentialView flaky(DownstreamCredential flaky) {
        return CredentialView.of(flaky);
    }

    @Tool(name = "tickets_list", description = "Calls the provider's API; on 401 refreshes the credential once")
    @Downstream(connection = "tickets", scopes = "tickets.read")
    public String tickets(DownstreamCredential tickets) {
        HttpResponse<String> response = send(tickets);
        if (response.statusCode() == 401) {
            response = send(tickets.refresh());
        }
        if (response.statusCode() != 200) {
            throw new ToolCallException("The tickets API answered " + response.statusCode());
        }
        return response.body();
    }

    @Tool(name = "assistant_call", description = "Calls a tool of the remote assistant MCP server as the caller")
    @Downstream(connection = "assistant")
    public RemoteToolResult assistant(@ToolArg(description = "The remote tool") String tool,
            RemoteMcpServer assistant) {
        return assistant.callTool(tool, Map.of());
    }

    @Tool(name = "modern_assistant_call",
            description = "Calls a tool of the remote assistant speaking MCP 2026-07-28, as the caller")
    @Downstream(connection = "modern_assistant")
    public RemoteToolResult modernAssistant(@ToolArg(description = "The remote tool") String tool,
            RemoteMcpServer assistant) {
        return assistant.callTool(tool, Map.of());
    }

    @Tool(name = "failing_assistant_call", description = "Calls a remote MCP server that answers HTTP 500")
    @Downstream(connection = "failing_assistant")
    public RemoteToolResult failingAssistant(@ToolArg(description = "The remote tool") String tool,
            RemoteMcpServer failing) {
        return failing.callTool(tool, Map.of());
    }

    private HttpResponse<String> send(DownstreamCredential credential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/provider-api/tickets"))
                .timeout(Duration.ofSeconds(10));
        credential.applyTo(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ToolCallException("The tickets API could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolCallException("Interrupted");
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
