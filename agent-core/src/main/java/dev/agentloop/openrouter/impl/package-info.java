/** Internal implementation of the OpenRouter client; not API, may change without notice. */
@NullMarked
package dev.agentloop.openrouter.impl;

import org.jspecify.annotations.NullMarked;
