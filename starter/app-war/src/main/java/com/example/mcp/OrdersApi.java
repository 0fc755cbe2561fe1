package com.example.mcp;

import dev.delegatemcp.api.Downstream;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The orders API, a downstream REST service, as a MicroProfile Rest Client. {@code @Downstream(resource = "orders")}
 * makes every request this client sends during a tool call carry the calling user's delegated credential for the
 * target {@code orders}: the server exchanges the user's token at the STS for one meant for the orders API only
 * (server.xml: {@code mcp.downstream.orders.audience} or {@code .resource}), caches it, audits it, and renews it once
 * on a 401. The user's own token is never sent on.
 * <p>
 * Where the API is: the Rest Client's settings under its config key, {@code orders/mp-rest/url} (the orders
 * collection, e.g. {@code https://orders.example.com/orders}), {@code orders/mp-rest/connectTimeout} and
 * {@code orders/mp-rest/readTimeout} in milliseconds; server.xml variables, so the environment overrides them
 * ({@code ORDERS_MP_REST_URL}, ...).
 */
@RegisterRestClient(configKey = "orders")
@Downstream(resource = "orders")
@Produces(MediaType.APPLICATION_JSON)
public interface OrdersApi {

    /** The caller's orders, as the API's JSON: {@code GET <orders/mp-rest/url>}. */
    @GET
    String list();
}
