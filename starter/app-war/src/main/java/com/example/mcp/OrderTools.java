package com.example.mcp;

import dev.delegatemcp.api.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A tool that calls a downstream API on the caller's behalf through a {@code @Downstream} Rest Client
 * ({@link OrdersApi}): the tool holds no credential code at all. When the STS refuses the exchange or the API cannot
 * be reached, the server turns that into an {@code isError} result with a sentence for the user.
 */
@ApplicationScoped
public class OrderTools {

    @Inject
    @RestClient
    OrdersApi orders;

    @Tool(name = "list_orders", title = "My orders", description = "Lists the caller's orders from the orders API.",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true))
    public String listOrders() {
        return orders.list();
    }
}
