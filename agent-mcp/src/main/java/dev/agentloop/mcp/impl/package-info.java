/** Implementation of the MCP client and server; not API, may change without notice. */
@NullMarked
package dev.agentloop.mcp.impl;

import org.jspecify.annotations.NullMarked;
