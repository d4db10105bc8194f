/**
 * Internal implementation of schema generation and validation; not API, may change without notice.
 */
@NullMarked
package dev.agentloop.schema.impl;

import org.jspecify.annotations.NullMarked;
