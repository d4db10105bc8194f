/**
 * Internals shared by several packages of agent-core (the Jackson mappers' configuration, the
 * schema generator, the in-memory message store, tool-call guarding, context hops). Internal: not
 * part of the public API; may change in any release.
 */
@NullMarked
package dev.agentloop.internal;

import org.jspecify.annotations.NullMarked;
