package dev.agentloop.tool.impl;

import dev.agentloop.schema.SchemaDialect;
import dev.agentloop.tool.ToolErrorPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The builder's options, frozen at build time.
 *
 * @param defaultTimeout the timeout of tools without their own, or null for the caller's
 * @param maxResultChars the longest tool message before truncation
 * @param strict whether schemas are in strict form
 * @param dialect which providers schemas must satisfy
 * @param errorPolicy what the model reads when a tool throws
 */
record ToolboxSettings(
    @Nullable Duration defaultTimeout,
    int maxResultChars,
    boolean strict,
    SchemaDialect dialect,
    ToolErrorPolicy errorPolicy) {}
