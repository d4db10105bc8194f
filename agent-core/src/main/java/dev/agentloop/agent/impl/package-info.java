/**
 * Implementation of the agent loop. Internal: not part of the public API and may change without
 * notice.
 */
@NullMarked
package dev.agentloop.agent.impl;

import org.jspecify.annotations.NullMarked;
