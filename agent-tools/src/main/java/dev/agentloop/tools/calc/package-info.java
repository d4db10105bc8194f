/** Calculator tool: exact decimal arithmetic with a hand-written parser, no script engine. */
@NullMarked
package dev.agentloop.tools.calc;

import org.jspecify.annotations.NullMarked;
