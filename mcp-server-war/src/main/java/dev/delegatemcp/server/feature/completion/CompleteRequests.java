package dev.delegatemcp.server.feature.completion;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.CompleteParams;
import dev.delegatemcp.wire.mcp.CompletionReference;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reads the params of {@code completion/complete} (MCP 2025-11-25 schema: CompleteRequestParams), with a -32602 that
 * says what is wrong when they do not have that shape. Read by hand rather than bound, so that each fault gets its own
 * sentence.
 */
final class CompleteRequests {

    private CompleteRequests() {
    }

    /** @throws JsonRpcException -32602 naming the first member that does not fit */
    static CompleteParams read(JsonObject params) {
        if (!(params.get("ref") instanceof JsonObject ref)) {
            throw invalid("\"ref\" must be an object with a type, ref/prompt or ref/resource");
        }
        String type = string(ref, "type", "\"ref.type\" must be ref/prompt or ref/resource");
        CompletionReference reference = switch (type) {
            case CompletionReference.PROMPT -> new CompletionReference.PromptReference(
                    string(ref, "name", "\"ref.name\" must be the prompt's name (a string)"), null);
            case CompletionReference.RESOURCE_TEMPLATE -> new CompletionReference.ResourceTemplateReference(
                    string(ref, "uri", "\"ref.uri\" must be the resource template's URI template (a string)"));
            default -> throw invalid("unknown reference type '" + type + "'; use ref/prompt or ref/resource");
        };
        String argumentShape = "\"argument\" must be an object with a name and a value (strings)";
        if (!(params.get("argument") instanceof JsonObject argument)) {
            throw invalid(argumentShape);
        }
        CompleteParams.Argument completed = new CompleteParams.Argument(string(argument, "name", argumentShape),
                string(argument, "value", argumentShape));
        return new CompleteParams(reference, completed, context(params.get("context")));
    }

    private static CompleteParams.Context context(JsonValue context) {
        if (context == null || context == JsonValue.NULL) {
            return null;
        }
        String shape = "\"context.arguments\" must be an object of strings";
        if (!(context instanceof JsonObject object)) {
            throw invalid("\"context\" must be an object");
        }
        JsonValue arguments = object.get("arguments");
        if (arguments == null || arguments == JsonValue.NULL) {
            return new CompleteParams.Context(null);
        }
        if (!(arguments instanceof JsonObject named)) {
            throw invalid(shape);
        }
        Map<String, String> values = new LinkedHashMap<>();
        named.forEach((name, value) -> {
            if (!(value instanceof JsonString text)) {
                throw invalid(shape + "; " + name + " is not");
            }
            values.put(name, text.getString());
        });
        return new CompleteParams.Context(values);
    }

    private static String string(JsonObject object, String member, String problem) {
        if (object.get(member) instanceof JsonString text) {
            return text.getString();
        }
        throw invalid(problem);
    }

    private static JsonRpcException invalid(String problem) {
        return JsonRpcException.invalidParams("Invalid params: " + problem);
    }
}
