/** Implementation of {@link dev.agentloop.vertx}: not API, may change without notice. */
@NullMarked
package dev.agentloop.vertx.impl;

import org.jspecify.annotations.NullMarked;
