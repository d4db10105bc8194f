package dev.agentloop.agent.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.agent.Agent;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.tool.ToolSpec;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An agent offered to another agent as a tool. The model calls it with a prompt ({@code {"input":
 * "..."}}) or, with {@link Builder#input(Class)}, with the fields of a typed input record; the
 * sub-agent runs to completion and its final text (or, with {@link Builder#output(Type)}, its
 * structured answer as JSON) becomes the tool result.
 *
 * <p>The sub-run belongs to the calling run: its usage and cost are added to the caller's {@link
 * dev.agentloop.agent.AgentResult#usage()} with a per-agent breakdown ({@link
 * dev.agentloop.agent.AgentResult#usageByAgent()}); the caller's remaining cost and token budgets
 * and deadline cap it; cancelling the caller cancels it, aborting its in-flight model call
 * (sub-runs always stream so that the call can be aborted); and a call deeper than {@link
 * Builder#maxDepth(int)} is refused, which ends recursion. Sub-runs asked for in one response run
 * concurrently, like any tool calls of a step.
 *
 * <pre>{@code
 * AgentTool research = AgentTool.builder("research", researchAgent)
 *     .description("Researches a question and answers with sources")
 *     .build();
 * Agent triage = Agent.create(vertx, client, new AgentOptions()
 *     .setModel("openai/gpt-4o-mini")
 *     .setToolbox(AgentToolbox.of(Toolbox.builder().add(new WeatherTools()).build(), research)));
 * }</pre>
 */
public final class AgentTool {

  /** The deepest sub-run allowed by default: a caller's run is depth 0, its sub-agents 1, … */
  public static final int DEFAULT_MAX_DEPTH = 3;

  /** The longest prompt (arguments JSON) accepted by default: 20,000 characters. */
  public static final int DEFAULT_MAX_INPUT_CHARS = 20_000;

  /** The longest result passed back to the calling model by default: 20,000 characters. */
  public static final int DEFAULT_MAX_RESULT_CHARS = 20_000;

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  private final String name;
  private final String description;
  private final Agent agent;
  private final @Nullable Class<?> inputType;
  private final @Nullable Type outputType;
  private final int maxDepth;
  private final int maxInputChars;
  private final int maxResultChars;
  private final @Nullable Duration timeout;
  private final ToolSpec spec;

  private AgentTool(Builder b) {
    this.name = b.name;
    this.description = b.description;
    this.agent = b.agent;
    this.inputType = b.inputType;
    this.outputType = b.outputType;
    this.maxDepth = b.maxDepth;
    this.maxInputChars = b.maxInputChars;
    this.maxResultChars = b.maxResultChars;
    this.timeout = b.timeout;
    this.spec = new ToolSpec(name, description, schema(inputType), false, timeout, false, false);
  }

  /** Creates a tool that passes a prompt string to {@code agent} and returns its final text. */
  public static AgentTool of(String name, String description, Agent agent) {
    return builder(name, agent).description(description).build();
  }

  /**
   * Returns a builder of a tool named {@code name} that runs {@code agent}.
   *
   * @throws IllegalArgumentException when the name is not 1 to 64 letters, digits, {@code _} or
   *     {@code -}
   */
  public static Builder builder(String name, Agent agent) {
    return new Builder(name, agent);
  }

  private static JsonNode schema(@Nullable Class<?> inputType) {
    if (inputType != null) {
      return JsonSchemas.forType(inputType);
    }
    ObjectNode schema = JsonSchemas.objectMapper().createObjectNode().put("type", "object");
    schema
        .putObject("properties")
        .putObject("input")
        .put("type", "string")
        .put("description", "the request for the agent, in plain language");
    schema.putArray("required").add("input");
    return schema;
  }

  /** The tool name the model calls. */
  public String name() {
    return name;
  }

  /** The agent that runs for each call. */
  public Agent agent() {
    return agent;
  }

  /** The tool as the model sees it. */
  public ToolSpec spec() {
    return spec;
  }

  /** The typed input record, or null for a prompt string. */
  public @Nullable Class<?> inputType() {
    return inputType;
  }

  /** The structured answer asked of the sub-agent, or null for its text. */
  public @Nullable Type outputType() {
    return outputType;
  }

  /** The deepest sub-run this tool starts (see {@link Builder#maxDepth}). */
  public int maxDepth() {
    return maxDepth;
  }

  /** The longest accepted arguments JSON, in characters. */
  public int maxInputChars() {
    return maxInputChars;
  }

  /** The longest result passed back, in characters; longer ones are cut. */
  public int maxResultChars() {
    return maxResultChars;
  }

  /** The timeout of one call, or null for the calling agent's tool timeout. */
  public @Nullable Duration timeout() {
    return timeout;
  }

  /** Builds {@link AgentTool}s. */
  public static final class Builder {
    private final String name;
    private final Agent agent;
    private String description = "";
    private @Nullable Class<?> inputType;
    private @Nullable Type outputType;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxInputChars = DEFAULT_MAX_INPUT_CHARS;
    private int maxResultChars = DEFAULT_MAX_RESULT_CHARS;
    private @Nullable Duration timeout;

    private Builder(String name, Agent agent) {
      Objects.requireNonNull(name, "name == null");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "an agent tool name must be 1 to 64 letters, digits, _ or -: " + name);
      }
      this.name = name;
      this.agent = Objects.requireNonNull(agent, "agent == null");
    }

    /** Sets the description the calling model reads to decide when to call the agent. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description == null");
      return this;
    }

    /**
     * Takes a typed input: the model fills in the fields of this record (its JSON schema is the
     * tool's parameters) and the sub-agent receives them as JSON.
     */
    public Builder input(@Nullable Class<?> inputType) {
      this.inputType = inputType;
      return this;
    }

    /** Asks the sub-agent for a structured answer of this type; the tool result is its JSON. */
    public Builder output(@Nullable Type outputType) {
      this.outputType = outputType;
      return this;
    }

    /**
     * Sets the deepest sub-run this tool may start (default {@value #DEFAULT_MAX_DEPTH}); a call
     * that would go deeper is refused with an error the model reads.
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 1) {
        throw new IllegalArgumentException("maxDepth must be >= 1: " + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /** Sets the longest accepted arguments JSON (default 20,000 characters). */
    public Builder maxInputChars(int maxInputChars) {
      if (maxInputChars < 1) {
        throw new IllegalArgumentException("maxInputChars must be > 0: " + maxInputChars);
      }
      this.maxInputChars = maxInputChars;
      return this;
    }

    /** Sets the longest result passed back (default 20,000 characters); longer ones are cut. */
    public Builder maxResultChars(int maxResultChars) {
      if (maxResultChars < 1) {
        throw new IllegalArgumentException("maxResultChars must be > 0: " + maxResultChars);
      }
      this.maxResultChars = maxResultChars;
      return this;
    }

    /**
     * Sets the timeout of one call (the whole sub-run); null uses the calling agent's tool timeout.
     */
    public Builder timeout(@Nullable Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Builds the tool. */
    public AgentTool build() {
      return new AgentTool(this);
    }
  }
}
