package dev.agentloop.vertx;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.agentloop.agent.impl.Json;
import dev.agentloop.memory.TokenCounter;
import dev.agentloop.openrouter.Message;

/**
 * Loads the OpenAI SDK's and the endpoint's JSON classes and the token table once per test class, outside the timed
 * test methods: on a loaded machine the first call otherwise spends seconds in class loading.
 */
final class SdkWarmUp {

  private SdkWarmUp() {}

  static void run() throws Exception {
    // Conversations count tokens with o200k: its table takes seconds to read on a busy machine.
    TokenCounter.o200k().load();
    Json.MAPPER.readValue("{\"role\":\"user\",\"content\":\"hi\"}", Message.class);
    ChatCompletionCreateParams.builder().model("m").addUserMessage("hi")
        .putAdditionalBodyProperty("x", JsonValue.from(1)).build();
    ChatCompletion.builder();
    ChatCompletionChunk.builder();
    OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:9/v1").apiKey("k").build();
    client.close();
  }
}
