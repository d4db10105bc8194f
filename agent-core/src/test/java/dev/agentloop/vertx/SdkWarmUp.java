package dev.agentloop.vertx;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.agentloop.internal.Json;
import dev.agentloop.memory.TokenCounter;
import dev.agentloop.openrouter.Message;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;

/**
 * Runs one exchange through the OpenAI SDK and the endpoint once per test class, outside the
 * timed test methods: on a loaded machine the first call otherwise spends over 20 s loading classes
 * and the token table.
 */
final class SdkWarmUp {

  private SdkWarmUp() {}

  static void run(Vertx vertx) throws Exception {
    // Conversations count tokens with o200k: its table takes seconds to read on a busy machine.
    TokenCounter.o200k().load();
    Json.MAPPER.readValue("{\"role\":\"user\",\"content\":\"hi\"}", Message.class);
    EmbeddingFixture f = EmbeddingFixture.start(vertx);
    int port = f.serve(new AgentRoutesOptions().setAuthRequired(false));
    OpenAIClient client = OpenAIOkHttpClient.builder()
        .baseUrl("http://127.0.0.1:" + port + "/v1").apiKey("warm-up").maxRetries(0).build();
    try {
      f.fake.enqueue(MockChat.text("Warm."));
      client.chat().completions().create(ChatCompletionCreateParams.builder().model("weather")
          .addUserMessage("Hi").addAssistantMessage("Hello").addUserMessage("Warm up").build());
    } finally {
      client.close();
      f.close();
    }
  }
}
