/** Implementation of the run stores; not API. */
@NullMarked
package dev.agentloop.run.impl;

import org.jspecify.annotations.NullMarked;
