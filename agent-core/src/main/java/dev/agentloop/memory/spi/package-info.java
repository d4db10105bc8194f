/**
 * Service provider interface for conversation storage: implement {@link
 * dev.agentloop.memory.spi.MessageStore} to keep conversations in a database or cache.
 */
@NullMarked
package dev.agentloop.memory.spi;

import org.jspecify.annotations.NullMarked;
