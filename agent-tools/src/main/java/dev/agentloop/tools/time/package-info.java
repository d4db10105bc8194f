/** Date and time tools built on {@code java.time}, with an injectable clock. */
@NullMarked
package dev.agentloop.tools.time;

import org.jspecify.annotations.NullMarked;
