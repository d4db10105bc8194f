/**
 * Model Context Protocol, both directions: {@link dev.agentloop.mcp.McpClient} connects to an MCP
 * server over stdio or Streamable HTTP and {@link dev.agentloop.mcp.McpToolbox} puts its tools in
 * an agent's toolbox; {@link dev.agentloop.mcp.McpServer} serves a toolbox's tools (and agents) to
 * MCP clients over Streamable HTTP and stdio. Everything is non-blocking on Vert.x.
 */
@NullMarked
package dev.agentloop.mcp;

import org.jspecify.annotations.NullMarked;
