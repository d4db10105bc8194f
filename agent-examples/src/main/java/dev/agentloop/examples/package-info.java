/**
 * The {@code agentloop} command line and the example agents it runs: {@code weather}, {@code math},
 * {@code files}, {@code research}, {@code extract}, {@code rag} and {@code compare}. Each example
 * is one small class with its instructions, its tools and the scripted model the CLI uses offline
 * (no {@code OPENROUTER_API_KEY}, or {@code --offline}). Unpublished: read them as recipes.
 */
@NullMarked
package dev.agentloop.examples;

import org.jspecify.annotations.NullMarked;
