package bench;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;

public class EchoTool {

    @Tool(description = "Echoes the text back")
    String echo(@ToolArg(description = "text to echo") String text) {
        return text;
    }
}
