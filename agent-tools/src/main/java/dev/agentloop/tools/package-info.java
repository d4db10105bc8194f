/**
 * Ready-made tools for AgentLoop agents, each safe by default and configured by an options object.
 * One package per tool family: {@code calc}, {@code time}, {@code http}, {@code files}, {@code
 * json}, {@code docs}.
 */
@NullMarked
package dev.agentloop.tools;

import org.jspecify.annotations.NullMarked;
