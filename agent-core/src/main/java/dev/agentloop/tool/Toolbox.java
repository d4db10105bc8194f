package dev.agentloop.tool;

import dev.agentloop.internal.ToolCalls;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolDefinition;
import dev.agentloop.schema.SchemaDialect;
import dev.agentloop.tool.impl.ToolContextImpl;
import dev.agentloop.tool.impl.ToolboxBuilderImpl;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable set of tools, built once and shared by any number of concurrent runs.
 *
 * <p>{@link #invoke} never fails its future for a tool problem: unknown tools, bad arguments,
 * exceptions and timeouts all complete it with an error {@link ToolResult} whose text the model can
 * act on.
 *
 * <p>The timeout of a call, first that applies: the tool's own ({@link Tool#timeoutMillis()}), the
 * toolbox default ({@link Builder#defaultTimeout}), the caller's default (an agent passes {@code
 * AgentOptions.getToolTimeout()} to {@link #invoke(ToolCall, ToolContext, Duration)}), and {@link
 * Builder#DEFAULT_TIMEOUT} for {@link #invoke(ToolCall, ToolContext)}. The toolbox arms the only
 * timer of a call; on timeout the call's {@link ToolContext} is cancelled and the result is a
 * {@link ToolResult.ErrorKind#TIMEOUT} error.
 *
 * <pre>{@code
 * Toolbox tools = Toolbox.builder()
 *     .add(new WeatherTools())            // its @Tool methods
 *     .scan("com.example.tools")          // every class there with @Tool methods
 *     .defaultTimeout(Duration.ofSeconds(20))
 *     .build();                           // bad declarations fail here
 * Future<ToolResult> result =
 *     tools.invoke(ToolCall.of("call_1", "weather", "{\"city\":\"Paris\"}"), context);
 * }</pre>
 */
public interface Toolbox {

  /** Returns a builder for a toolbox of {@link Tool}-annotated methods. */
  static Builder builder() {
    return new ToolboxBuilderImpl();
  }

  /** The tools, in registration order. */
  List<ToolSpec> specs();

  /** The definitions to send in a request's {@code tools}, in registration order. */
  List<ToolDefinition> definitions();

  /** Finds a tool by name. */
  Optional<ToolSpec> find(String name);

  /**
   * Validates the call's arguments against the tool's schema, binds them and invokes the tool.
   *
   * @param call the tool call as the model wrote it
   * @param context the run's context (injected into tools that ask for it)
   * @return the result; never a failed future for tool-level problems
   */
  Future<ToolResult> invoke(ToolCall call, ToolContext context);

  /**
   * Invokes a call as {@link #invoke(ToolCall, ToolContext)} does, with {@code defaultTimeout} for
   * a tool that has no timeout of its own ({@link ToolSpec#timeout()} null). This default
   * implementation guards {@link #invoke(ToolCall, ToolContext)} with that timeout and describes a
   * failed future with {@link #errorPolicy()}, so a toolbox written by hand gets timeouts too.
   *
   * @param call the tool call as the model wrote it
   * @param context the run's context
   * @param defaultTimeout the caller's timeout for tools without their own
   * @return the result; never a failed future
   */
  default Future<ToolResult> invoke(ToolCall call, ToolContext context, Duration defaultTimeout) {
    ToolSpec spec = find(ToolCalls.nameOf(call)).orElse(null);
    Duration timeout = spec != null && spec.timeout() != null ? spec.timeout() : defaultTimeout;
    ToolContextImpl callContext = ToolContextImpl.childOf(context, call.id());
    return ToolCalls.guard(
            call, spec, timeout, callContext, errorPolicy(), () -> invoke(call, callContext))
        .andThen(ar -> callContext.release());
  }

  /**
   * What the model reads when a tool of this toolbox throws or its future fails; {@link
   * ToolErrorPolicy#detailed()} unless the builder set another.
   */
  default ToolErrorPolicy errorPolicy() {
    return ToolErrorPolicy.detailed();
  }

  /**
   * Collects tools and options; {@link #build()} checks every declaration and fails fast. Not
   * thread-safe; the toolbox it builds is.
   */
  interface Builder {

    /** The per-call timeout when neither the tool, the toolbox nor the caller sets one: 60 s. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** The default result size limit: 20,000 characters. */
    int DEFAULT_MAX_RESULT_CHARS = 20_000;

    /**
     * Adds the {@link Tool} methods of an object: its instance methods, bound to it, and the static
     * ones of its class (superclasses included).
     */
    Builder add(Object instance);

    /**
     * Adds the {@link Tool} methods of a class: static ones directly; for instance ones, an
     * instance is made by the {@link #instanceFactory} or the no-arg constructor.
     */
    Builder add(Class<?> type);

    /**
     * Adds every class of the given packages (and their subpackages) that declares a {@link Tool}
     * method, as {@link #add(Class)} would, scanning the class path with ClassGraph when {@link
     * #build()} runs. Classes are taken in name order.
     */
    Builder scan(String... packages);

    /**
     * Sets how instances are made for classes added by type or found by scanning, e.g. {@code
     * ctx::getBean} for a DI container; by default the no-arg constructor.
     */
    Builder instanceFactory(Function<Class<?>, Object> factory);

    /**
     * Sets the timeout for tools whose {@link Tool#timeoutMillis()} is not set. It wins over the
     * caller's default (an agent's {@code AgentOptions.setToolTimeout}); left unset, those tools
     * get the caller's default, or {@link #DEFAULT_TIMEOUT} when invoked without one.
     */
    Builder defaultTimeout(Duration timeout);

    /**
     * Sets the maximum tool message length in characters; longer results are cut and end with
     * {@code …[truncated N more characters]}.
     */
    Builder maxResultChars(int maxChars);

    /**
     * Sets whether schemas are sent in OpenAI strict form with {@code strict: true} (default
     * false); {@link SchemaDialect#OPENAI_STRICT} implies it.
     */
    Builder strict(boolean strict);

    /** Sets which providers the schemas must satisfy (default {@link SchemaDialect#PORTABLE}). */
    Builder dialect(SchemaDialect dialect);

    /**
     * Sets what the model reads when a tool throws (default {@link ToolErrorPolicy#detailed()}).
     */
    Builder errorPolicy(ToolErrorPolicy policy);

    /**
     * Builds the toolbox.
     *
     * @throws IllegalArgumentException if a declaration is bad; the message is a full sentence
     *     followed by {@code "\n for method WeatherTools.forecast"}
     */
    Toolbox build();
  }
}
