/** HTTP fetch tool, safe by default: SSRF protection after DNS resolution and on every redirect. */
@NullMarked
package dev.agentloop.tools.http;

import org.jspecify.annotations.NullMarked;
