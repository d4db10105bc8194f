/**
 * Test kit for code that talks to OpenRouter: {@link dev.agentloop.testing.FakeOpenRouter}, an
 * in-process, scriptable OpenRouter-compatible HTTP server on loopback (real sockets, real SSE),
 * with {@link dev.agentloop.testing.MockChat} and {@link dev.agentloop.testing.MockResponse} to
 * script answers and failures, {@link dev.agentloop.testing.RecordedRequest} to verify what was
 * sent, and {@link dev.agentloop.testing.RecordingProxy} to record cassettes against the real API
 * for later offline replay. Used by AgentLoop's own tests, by users' tests of their agents, and by
 * the CLI's offline demo.
 */
@org.jspecify.annotations.NullMarked
package dev.agentloop.testing;
