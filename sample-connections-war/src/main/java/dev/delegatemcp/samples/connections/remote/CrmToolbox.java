package dev.delegatemcp.samples.connections.remote;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The CRM's tool: {@code lookup_customer {name}} answers a fixed customer record ({@code {"id", "name", "industry",
 * "accountManager", "openDeals"}}); a name it does not know (case is ignored) is an error result "No customer named
 * &lt;name&gt;."
 */
public class CrmToolbox implements RemoteToolbox {

    private static final ToolDefinition LOOKUP_CUSTOMER = new ToolDefinition("lookup_customer", "Look up a customer",
            "Looks up a customer record in the connected CRM by the customer's name.",
            Map.of("name", "The customer's name, e.g. Acme Corp"));

    private static final List<JsonObject> CUSTOMERS = List.of(
            customer("cus-001", "Acme Corp", "Manufacturing", "Alice Liddell", 3),
            customer("cus-002", "Globex", "Energy", "Carol Danvers", 1),
            customer("cus-003", "Initech", "Software", "Bob Builder", 0));

    @Override
    public List<ToolDefinition> tools() {
        return List.of(LOOKUP_CUSTOMER);
    }

    @Override
    public ToolOutcome call(String tool, Map<String, String> arguments, ConnectionView connection) {
        String name = arguments.get("name");
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return CUSTOMERS.stream()
                .filter(customer -> customer.getString("name").toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .map(ToolOutcome::success)
                .orElseGet(() -> ToolOutcome.error("No customer named " + name + "."));
    }

    private static JsonObject customer(String id, String name, String industry, String accountManager,
            int openDeals) {
        return Json.createObjectBuilder().add("id", id).add("name", name).add("industry", industry)
                .add("accountManager", accountManager).add("openDeals", openDeals).build();
    }
}
