package dev.agentloop.agent.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The guardrails of an agent ({@link dev.agentloop.agent.AgentOptions#setGuardrails}): input,
 * output and tool guardrails, each with a name that trip messages quote. Guardrails of one kind run
 * concurrently; the first (in the order added) that trips decides. A trip stops the run with {@link
 * dev.agentloop.agent.StopReason#INPUT_GUARDRAIL}, {@link
 * dev.agentloop.agent.StopReason#OUTPUT_GUARDRAIL} or {@link
 * dev.agentloop.agent.StopReason#TOOL_GUARDRAIL}, and the result's error says which guardrail
 * tripped and why.
 *
 * <pre>{@code
 * new AgentOptions().setGuardrails(new GuardrailOptions()
 *     .addInput("no-homework", (ctx, input) -> Future.succeededFuture(
 *         input.text().contains("homework") ? Verdict.trip("no homework help") : Verdict.pass()))
 *     .setInputMode(GuardrailOptions.InputMode.ALONGSIDE));
 * }</pre>
 */
public final class GuardrailOptions {

  /** The default number of times output guardrails may ask the model to fix its answer: 2. */
  public static final int DEFAULT_MAX_OUTPUT_FIXES = 2;

  /** The default input mode: {@link InputMode#BEFORE}. */
  public static final InputMode DEFAULT_INPUT_MODE = InputMode.BEFORE;

  /** When input guardrails run. */
  public enum InputMode {
    /** Before the first model call: no model cost when they trip, one check of latency. */
    BEFORE,
    /**
     * Alongside the first model call: no added latency; a trip stops the run (aborting a streamed
     * call), and the model's answer is held until the input passed, so no tool runs before.
     */
    ALONGSIDE
  }

  /**
   * A guardrail with its name.
   *
   * @param name the name quoted in trip messages
   * @param guardrail the guardrail
   * @param <T> the guardrail type
   */
  public record Named<T>(String name, T guardrail) {

    /** Validates the components. */
    public Named {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(guardrail, "guardrail == null");
    }
  }

  private final List<Named<InputGuardrail>> input = new ArrayList<>();
  private final List<Named<OutputGuardrail>> output = new ArrayList<>();
  private final List<Named<ToolGuardrail>> tool = new ArrayList<>();
  private InputMode inputMode = DEFAULT_INPUT_MODE;
  private int maxOutputFixes = DEFAULT_MAX_OUTPUT_FIXES;

  /** Creates options without guardrails. */
  public GuardrailOptions() {}

  /** Copies other options. */
  public GuardrailOptions(GuardrailOptions other) {
    input.addAll(other.input);
    output.addAll(other.output);
    tool.addAll(other.tool);
    inputMode = other.inputMode;
    maxOutputFixes = other.maxOutputFixes;
  }

  /** Adds an input guardrail. */
  public GuardrailOptions addInput(String name, InputGuardrail guardrail) {
    input.add(new Named<>(name, guardrail));
    return this;
  }

  /** Adds an output guardrail. */
  public GuardrailOptions addOutput(String name, OutputGuardrail guardrail) {
    output.add(new Named<>(name, guardrail));
    return this;
  }

  /** Adds a tool guardrail. */
  public GuardrailOptions addTool(String name, ToolGuardrail guardrail) {
    tool.add(new Named<>(name, guardrail));
    return this;
  }

  /** The input guardrails, in order. */
  public List<Named<InputGuardrail>> getInput() {
    return List.copyOf(input);
  }

  /** The output guardrails, in order. */
  public List<Named<OutputGuardrail>> getOutput() {
    return List.copyOf(output);
  }

  /** The tool guardrails, in order. */
  public List<Named<ToolGuardrail>> getTool() {
    return List.copyOf(tool);
  }

  /** When input guardrails run. */
  public InputMode getInputMode() {
    return inputMode;
  }

  /** Sets when input guardrails run (default {@link InputMode#BEFORE}). */
  public GuardrailOptions setInputMode(InputMode inputMode) {
    this.inputMode = Objects.requireNonNull(inputMode, "inputMode == null");
    return this;
  }

  /** How many times output guardrails may ask the model to fix its answer. */
  public int getMaxOutputFixes() {
    return maxOutputFixes;
  }

  /**
   * Sets how many times output guardrails may ask the model to fix its answer (default {@value
   * #DEFAULT_MAX_OUTPUT_FIXES}); one more {@link Verdict.Kind#FIX} trips.
   */
  public GuardrailOptions setMaxOutputFixes(int maxOutputFixes) {
    if (maxOutputFixes < 0) {
      throw new IllegalArgumentException("maxOutputFixes must be >= 0: " + maxOutputFixes);
    }
    this.maxOutputFixes = maxOutputFixes;
    return this;
  }

  /** Returns {@code true} when no guardrail is set. */
  public boolean isEmpty() {
    return input.isEmpty() && output.isEmpty() && tool.isEmpty();
  }
}
