package dev.delegatemcp.server.transport.http;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web.xml error page for the 4xx statuses the web container or JAX-RS sends itself, before the endpoint runs
 * (Liberty's JAX-RS answers an {@code Accept} or {@code Content-Type} header it cannot parse, such as
 * {@code Accept: application/json; q=abc}, with a bare 400 page): the same status with a JSON-RPC error body, as
 * {@link RejectedRequestMapper} gives for the refusals it sees, and nothing of the container's message.
 */
@WebServlet("/request-refused")
public class RefusedRequestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 && value < 500 ? value : 400;
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(RejectedRequestMapper.body(status));
    }
}
