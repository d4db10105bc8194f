package dev.agentloop.observe.impl;

import dev.agentloop.observe.GenAi;
import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The {@link GenAi} attribute names as prebuilt {@link AttributeKey}s, so that setting an attribute
 * does not create (and hash) a new key on every call.
 */
final class Keys {

  private Keys() {}

  static final AttributeKey<String> AGENT_ID = AttributeKey.stringKey(GenAi.AGENT_ID);

  static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey(GenAi.AGENT_NAME);
  static final AttributeKey<String> HANDOFF_FROM = AttributeKey.stringKey(GenAi.HANDOFF_FROM);
  static final AttributeKey<String> HANDOFF_TO = AttributeKey.stringKey(GenAi.HANDOFF_TO);

  static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey(GenAi.CONVERSATION_ID);

  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey(GenAi.ERROR_TYPE);

  static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey(GenAi.INPUT_MESSAGES);

  static final AttributeKey<Long> OPENROUTER_ATTEMPT =
      AttributeKey.longKey(GenAi.OPENROUTER_ATTEMPT);

  static final AttributeKey<Double> OPENROUTER_COST_USD =
      AttributeKey.doubleKey(GenAi.OPENROUTER_COST_USD);

  static final AttributeKey<String> OPENROUTER_PROVIDER =
      AttributeKey.stringKey(GenAi.OPENROUTER_PROVIDER);

  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey(GenAi.OPERATION_NAME);

  static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey(GenAi.OUTPUT_MESSAGES);

  static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey(GenAi.PROVIDER_NAME);

  static final AttributeKey<Double> REQUEST_FREQUENCY_PENALTY =
      AttributeKey.doubleKey(GenAi.REQUEST_FREQUENCY_PENALTY);

  static final AttributeKey<Long> REQUEST_MAX_TOKENS =
      AttributeKey.longKey(GenAi.REQUEST_MAX_TOKENS);

  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey(GenAi.REQUEST_MODEL);

  static final AttributeKey<Double> REQUEST_PRESENCE_PENALTY =
      AttributeKey.doubleKey(GenAi.REQUEST_PRESENCE_PENALTY);

  static final AttributeKey<Long> REQUEST_SEED = AttributeKey.longKey(GenAi.REQUEST_SEED);

  static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES =
      AttributeKey.stringArrayKey(GenAi.REQUEST_STOP_SEQUENCES);

  static final AttributeKey<Boolean> REQUEST_STREAM = AttributeKey.booleanKey(GenAi.REQUEST_STREAM);

  static final AttributeKey<Double> REQUEST_TEMPERATURE =
      AttributeKey.doubleKey(GenAi.REQUEST_TEMPERATURE);

  static final AttributeKey<Double> REQUEST_TOP_K = AttributeKey.doubleKey(GenAi.REQUEST_TOP_K);

  static final AttributeKey<Double> REQUEST_TOP_P = AttributeKey.doubleKey(GenAi.REQUEST_TOP_P);

  static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
      AttributeKey.stringArrayKey(GenAi.RESPONSE_FINISH_REASONS);

  static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey(GenAi.RESPONSE_ID);

  static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey(GenAi.RESPONSE_MODEL);

  static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK =
      AttributeKey.doubleKey(GenAi.RESPONSE_TIME_TO_FIRST_CHUNK);

  static final AttributeKey<Double> RUN_COST_USD = AttributeKey.doubleKey(GenAi.RUN_COST_USD);

  static final AttributeKey<Long> RUN_INPUT_TOKENS = AttributeKey.longKey(GenAi.RUN_INPUT_TOKENS);

  static final AttributeKey<Long> RUN_OUTPUT_TOKENS = AttributeKey.longKey(GenAi.RUN_OUTPUT_TOKENS);

  static final AttributeKey<Long> RUN_STEPS = AttributeKey.longKey(GenAi.RUN_STEPS);

  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey(GenAi.SERVER_ADDRESS);

  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey(GenAi.SERVER_PORT);

  static final AttributeKey<String> STOP_REASON = AttributeKey.stringKey(GenAi.STOP_REASON);

  static final AttributeKey<String> TOOL_CALL_ARGUMENTS =
      AttributeKey.stringKey(GenAi.TOOL_CALL_ARGUMENTS);

  static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey(GenAi.TOOL_CALL_ID);

  static final AttributeKey<String> TOOL_CALL_RESULT =
      AttributeKey.stringKey(GenAi.TOOL_CALL_RESULT);

  static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey(GenAi.TOOL_NAME);

  static final AttributeKey<String> TOOL_OUTCOME = AttributeKey.stringKey(GenAi.TOOL_OUTCOME);

  static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey(GenAi.TOOL_TYPE);

  static final AttributeKey<Long> USAGE_CACHE_READ_INPUT_TOKENS =
      AttributeKey.longKey(GenAi.USAGE_CACHE_READ_INPUT_TOKENS);

  static final AttributeKey<Long> USAGE_INPUT_TOKENS =
      AttributeKey.longKey(GenAi.USAGE_INPUT_TOKENS);

  static final AttributeKey<Long> USAGE_OUTPUT_TOKENS =
      AttributeKey.longKey(GenAi.USAGE_OUTPUT_TOKENS);

  static final AttributeKey<Long> USAGE_REASONING_OUTPUT_TOKENS =
      AttributeKey.longKey(GenAi.USAGE_REASONING_OUTPUT_TOKENS);
}
