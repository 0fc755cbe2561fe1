package dev.delegatemcp.samples.connections.remote;

import java.util.EnumMap;
import java.util.Map;

import dev.delegatemcp.samples.connections.apps.SampleApp;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The remote MCP server of each sample app, one instance each for the application's life. */
@ApplicationScoped
public class RemoteMcpServers {

    @Inject
    RemoteSessions sessions;

    private final Map<SampleApp, RemoteMcpProtocol> servers = new EnumMap<>(SampleApp.class);

    @PostConstruct
    void create() {
        servers.put(SampleApp.SCHEDULER, new RemoteMcpProtocol(SampleApp.SCHEDULER, new SchedulerToolbox(), sessions));
        servers.put(SampleApp.CRM, new RemoteMcpProtocol(SampleApp.CRM, new CrmToolbox(), sessions));
        servers.put(SampleApp.DOCS, new RemoteMcpProtocol(SampleApp.DOCS, new DocsToolbox(), sessions));
    }

    public RemoteMcpProtocol of(SampleApp app) {
        return servers.get(app);
    }
}
