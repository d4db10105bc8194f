package dev.agentloop.mcp;

import org.jspecify.annotations.Nullable;

/**
 * A progress notification a server sent for a running tool call.
 *
 * @param server the server's name (as configured on the client)
 * @param tool the tool's name on that server
 * @param progress the progress so far (increases with every notification)
 * @param total the total, or null when unknown
 * @param message a human-readable message, or null
 */
public record McpProgress(
    String server,
    String tool,
    double progress,
    @Nullable Double total,
    @Nullable String message) {}
