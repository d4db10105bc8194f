/**
 * Internal implementation of {@code dev.agentloop.testing}: response writing, built-in endpoints
 * and cassette files. Not API: anything here may change without notice; use the types of {@code
 * dev.agentloop.testing} instead.
 */
@org.jspecify.annotations.NullMarked
package dev.agentloop.testing.impl;
