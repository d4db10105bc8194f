package dev.agentloop.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a tool that a model may call.
 *
 * <p>The method's parameters become one JSON object schema (see {@link Param}); its return value
 * becomes the tool message sent back to the model: strings as they are, anything else as JSON,
 * {@code void} as {@code "ok"}. A method returning {@code Future} or {@code CompletionStage} runs
 * on the event loop; a method returning a plain value is treated as blocking and runs on a worker
 * thread unless {@link #nonBlocking()} says otherwise.
 *
 * <pre>{@code
 * public final class WeatherTools {
 *   @Tool(description = "Current weather for a city")
 *   public Forecast weather(
 *       @Param(description = "City name, e.g. Paris") String city,
 *       @Param(description = "Temperature unit", defaultValue = "celsius") Unit unit) {
 *     return lookup(city, unit);
 *   }
 * }
 * Toolbox tools = Toolbox.builder().add(new WeatherTools()).build();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

  /**
   * The tool's name as the model sees it; defaults to the method name. Must match {@code
   * ^[a-zA-Z0-9_-]{1,64}$}.
   */
  String name() default "";

  /** What the tool does, written for the model. Required: an empty description fails the build. */
  String description() default "";

  /**
   * Per-call timeout in milliseconds; {@code 0} or less means the toolbox (or agent) default. A
   * call that exceeds it becomes a tool error sent back to the model.
   */
  long timeoutMillis() default 0;

  /**
   * Declares that this plain (non-{@code Future}) method never blocks, so it is run directly on the
   * event loop instead of a worker thread.
   */
  boolean nonBlocking() default false;

  /**
   * Declares the tool a side-effect barrier: it never runs concurrently with other calls of the
   * same step.
   */
  boolean sequential() default false;

  /** Declares that each call must be approved through the agent's approval hook before it runs. */
  boolean requiresApproval() default false;

  /**
   * Declares the tool idempotent: running a call twice has the effect of running it once when the
   * tool deduplicates by {@link ToolContext#idempotencyKey()}. A journaled run that stopped after
   * such a call started but before its result was recorded runs it again on resume, with the same
   * key; any other such call is reported to the model as "outcome unknown" and never repeated.
   */
  boolean idempotent() default false;
}
