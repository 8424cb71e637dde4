package io.github.removebgsuite.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code /admin/faults}, outside the API and without authentication: {@code POST} a JSON
 * {@code {"fault": "503", "count": 3}} (also {@code "status"}, {@code "retryAfter"}, {@code "millis"}; see
 * {@link Fault}) to enqueue, {@code GET} to list the pending faults, {@code DELETE} to clear them.
 */
final class AdminHandler implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FaultInjector faults;

    AdminHandler(FaultInjector faults) {
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/admin/faults")) {
                respond(exchange, 404, "{\"error\":\"unknown admin path; use /admin/faults\"}");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "POST":
                    enqueue(exchange);
                    break;
                case "DELETE":
                    faults.clear();
                    respond(exchange, 200, list());
                    break;
                case "GET":
                    respond(exchange, 200, list());
                    break;
                default:
                    respond(exchange, 405, "{\"error\":\"use GET, POST or DELETE\"}");
            }
        } finally {
            exchange.close();
        }
    }

    private void enqueue(HttpExchange exchange) throws IOException {
        Fault fault;
        int count;
        try {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            if (body == null || !body.hasNonNull("fault")) {
                throw new IllegalArgumentException("'fault' is required");
            }
            fault = Fault.parse(body.get("fault").asText(),
                    body.hasNonNull("status") ? body.get("status").asInt() : null,
                    body.hasNonNull("retryAfter") ? body.get("retryAfter").asInt() : null,
                    body.hasNonNull("millis") ? body.get("millis").asLong() : null);
            count = body.hasNonNull("count") ? body.get("count").asInt() : 1;
            if (count < 1) {
                throw new IllegalArgumentException("'count' must be at least 1");
            }
        } catch (IOException | RuntimeException e) {
            respond(exchange, 400, JSON.createObjectNode().put("error", String.valueOf(e.getMessage())).toString());
            return;
        }
        faults.enqueue(fault, count);
        respond(exchange, 200, list());
    }

    private String list() {
        ArrayNode pending = JSON.createArrayNode();
        faults.pending().forEach(f -> pending.add(f.toString()));
        return JSON.createObjectNode().set("pending", pending).toString();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
