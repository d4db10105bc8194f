package dev.agentloop.observe;

import java.util.List;

/**
 * Every span, attribute and metric name AgentLoop emits, in one place: the OpenTelemetry GenAI
 * semantic conventions (v1.41, still in development, so names may move) plus AgentLoop's and
 * OpenRouter's own under the {@code agentloop.} and {@code openrouter.} prefixes.
 */
public final class GenAi {

  private GenAi() {}

  // ---- operation names (gen_ai.operation.name), also the first word of the span names

  /** The operation of a run span: {@code invoke_agent {agent}}. */
  public static final String OP_INVOKE_AGENT = "invoke_agent";

  /** The operation of a model request span: {@code chat {model}}. */
  public static final String OP_CHAT = "chat";

  /** The operation of a tool call span: {@code execute_tool {tool}}. */
  public static final String OP_EXECUTE_TOOL = "execute_tool";

  /** The value of {@link #PROVIDER_NAME}. */
  public static final String PROVIDER_OPENROUTER = "openrouter";

  /** The instrumentation scope name of the tracer and the meters. */
  public static final String SCOPE = "dev.agentloop";

  // ---- GenAI attributes

  /** The operation: {@link #OP_CHAT}, {@link #OP_INVOKE_AGENT}, {@link #OP_EXECUTE_TOOL}. */
  public static final String OPERATION_NAME = "gen_ai.operation.name";

  /** The GenAI provider: always {@link #PROVIDER_OPENROUTER}. */
  public static final String PROVIDER_NAME = "gen_ai.provider.name";

  /** The agent's name. */
  public static final String AGENT_NAME = "gen_ai.agent.name";

  /** The run id of the agent invocation. */
  public static final String AGENT_ID = "gen_ai.agent.id";

  /** The conversation (OpenRouter {@code session_id}) the run belongs to. */
  public static final String CONVERSATION_ID = "gen_ai.conversation.id";

  /** The model asked for. */
  public static final String REQUEST_MODEL = "gen_ai.request.model";

  /** {@code temperature} as sent. */
  public static final String REQUEST_TEMPERATURE = "gen_ai.request.temperature";

  /** {@code top_p} as sent. */
  public static final String REQUEST_TOP_P = "gen_ai.request.top_p";

  /** {@code top_k} as sent. */
  public static final String REQUEST_TOP_K = "gen_ai.request.top_k";

  /** {@code max_tokens} (or {@code max_completion_tokens}) as sent. */
  public static final String REQUEST_MAX_TOKENS = "gen_ai.request.max_tokens";

  /** {@code frequency_penalty} as sent. */
  public static final String REQUEST_FREQUENCY_PENALTY = "gen_ai.request.frequency_penalty";

  /** {@code presence_penalty} as sent. */
  public static final String REQUEST_PRESENCE_PENALTY = "gen_ai.request.presence_penalty";

  /** {@code seed} as sent. */
  public static final String REQUEST_SEED = "gen_ai.request.seed";

  /** {@code stop} as sent (string array). */
  public static final String REQUEST_STOP_SEQUENCES = "gen_ai.request.stop_sequences";

  /** Whether the request streamed (AgentLoop's: the conventions tell streams by time to chunk). */
  public static final String REQUEST_STREAM = "agentloop.request.stream";

  /** The generation id. */
  public static final String RESPONSE_ID = "gen_ai.response.id";

  /** The model that answered. */
  public static final String RESPONSE_MODEL = "gen_ai.response.model";

  /** The finish reason of each choice (string array). */
  public static final String RESPONSE_FINISH_REASONS = "gen_ai.response.finish_reasons";

  /** Seconds from the request to the first streamed chunk (streams only). */
  public static final String RESPONSE_TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk";

  /** Prompt tokens of one request. */
  public static final String USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";

  /** Completion tokens of one request (reasoning included). */
  public static final String USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

  /** Prompt tokens read from the provider's cache. */
  public static final String USAGE_CACHE_READ_INPUT_TOKENS = "gen_ai.usage.cache_read.input_tokens";

  /** Completion tokens spent on reasoning. */
  public static final String USAGE_REASONING_OUTPUT_TOKENS = "gen_ai.usage.reasoning.output_tokens";

  /** The tool's name. */
  public static final String TOOL_NAME = "gen_ai.tool.name";

  /** The model's id of the tool call. */
  public static final String TOOL_CALL_ID = "gen_ai.tool.call.id";

  /** The tool type: {@code function}. */
  public static final String TOOL_TYPE = "gen_ai.tool.type";

  /** The tool call's arguments (opt-in content). */
  public static final String TOOL_CALL_ARGUMENTS = "gen_ai.tool.call.arguments";

  /** The tool call's result (opt-in content). */
  public static final String TOOL_CALL_RESULT = "gen_ai.tool.call.result";

  /** The messages sent (opt-in content, JSON). */
  public static final String INPUT_MESSAGES = "gen_ai.input.messages";

  /** The message received (opt-in content, JSON). */
  public static final String OUTPUT_MESSAGES = "gen_ai.output.messages";

  /** The failure class: an HTTP status, a tool error kind, a stop reason, or an exception class. */
  public static final String ERROR_TYPE = "error.type";

  /** The host requests go to. */
  public static final String SERVER_ADDRESS = "server.address";

  /** The port requests go to. */
  public static final String SERVER_PORT = "server.port";

  /** The value of {@link #TOOL_TYPE}. */
  public static final String TOOL_TYPE_FUNCTION = "function";

  // ---- OpenRouter's and AgentLoop's own

  /** The upstream provider that served the request (OpenRouter's {@code provider}). */
  public static final String OPENROUTER_PROVIDER = "openrouter.provider";

  /** The cost of one request in USD (chat spans only). */
  public static final String OPENROUTER_COST_USD = "openrouter.cost_usd";

  /** The HTTP attempt of a chat span: 1, then 2 for the first retry, ... */
  public static final String OPENROUTER_ATTEMPT = "openrouter.attempt";

  /** The run's total prompt tokens (agent span only; never summed with the chat spans). */
  public static final String RUN_INPUT_TOKENS = "openrouter.run.total_input_tokens";

  /** The run's total completion tokens (agent span only). */
  public static final String RUN_OUTPUT_TOKENS = "openrouter.run.total_output_tokens";

  /** The run's total cost in USD (agent span only). */
  public static final String RUN_COST_USD = "openrouter.run.total_cost_usd";

  /** How the run stopped: a {@code StopReason} name. */
  public static final String STOP_REASON = "agentloop.stop_reason";

  /** The number of model requests of the run (agent span). */
  public static final String RUN_STEPS = "agentloop.run.steps";

  /** The outcome of a tool call: {@code ok} or the lower-case error kind. */
  public static final String TOOL_OUTCOME = "agentloop.tool.outcome";

  /** The first-chunk span event of a stream. */
  public static final String EVENT_FIRST_CHUNK = "gen_ai.first_chunk";

  /** The span event, on the run's agent span, of a handoff to another agent. */
  public static final String EVENT_HANDOFF = "agentloop.handoff";

  /** The agent that handed the conversation on ({@link #EVENT_HANDOFF} attribute). */
  public static final String HANDOFF_FROM = "agentloop.handoff.from";

  /** The agent that answers from then on ({@link #EVENT_HANDOFF} attribute). */
  public static final String HANDOFF_TO = "agentloop.handoff.to";

  // ---- metrics

  /** Tokens per request, by {@link #TOKEN_TYPE} (histogram). */
  public static final String METRIC_TOKEN_USAGE = "gen_ai.client.token.usage";

  /** Seconds per request (histogram). */
  public static final String METRIC_OPERATION_DURATION = "gen_ai.client.operation.duration";

  /** Seconds to the first chunk of a stream (histogram). */
  public static final String METRIC_TIME_TO_FIRST_CHUNK =
      "gen_ai.client.operation.time_to_first_chunk";

  /** Runs by {@link #STOP_REASON} (counter). */
  public static final String METRIC_RUNS = "agentloop.runs";

  /** Runs in progress (gauge). */
  public static final String METRIC_ACTIVE_RUNS = "agentloop.runs.active";

  /** Tool calls by {@link #TOOL_NAME} and {@link #TOOL_OUTCOME} (counter). */
  public static final String METRIC_TOOL_CALLS = "agentloop.tool.calls";

  /** Cost in USD by {@link #REQUEST_MODEL} (counter). */
  public static final String METRIC_COST = "openrouter.cost.usd";

  /** Retried attempts by {@link #ERROR_TYPE} (counter). */
  public static final String METRIC_RETRIES = "openrouter.retries";

  /** Seconds waited for the client's request limiter (timer). */
  public static final String METRIC_LIMITER_WAIT = "openrouter.rate_limiter.wait";

  /** The token type tag of {@link #METRIC_TOKEN_USAGE}: {@code input} or {@code output}. */
  public static final String TOKEN_TYPE = "gen_ai.token.type";

  /** The tool name tag for a tool the toolbox does not know (keeps tag values bounded). */
  public static final String UNKNOWN_TOOL = "_unknown";

  /** The conventions' bucket boundaries of {@link #METRIC_TOKEN_USAGE}. */
  public static final List<Double> TOKEN_BUCKETS =
      List.of(
          1d, 4d, 16d, 64d, 256d, 1024d, 4096d, 16384d, 65536d, 262144d, 1048576d, 4194304d,
          16777216d, 67108864d);

  /** The conventions' bucket boundaries in seconds of the duration histograms. */
  public static final List<Double> DURATION_BUCKETS =
      List.of(
          0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
}
