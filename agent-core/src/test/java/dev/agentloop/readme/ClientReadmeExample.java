package dev.agentloop.readme;

import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.openrouter.ProviderPreferences;
import dev.agentloop.openrouter.RetryOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** The README's "OpenRouter client" snippet; {@code ReadmeSnippetsTest} keeps the two identical. */
final class ClientReadmeExample {

  private ClientReadmeExample() {}

  static Future<String> hello(Vertx vertx, OpenRouterOptions options) {
    // README:client:start
    OpenRouterClient client = OpenRouterClient.create(vertx, options  // e.g. OpenRouterOptions.fromEnv()
        .setRetry(new RetryOptions().setMaxAttempts(4))               // 408/429/5xx and transport errors
        .setMaxInFlight(64));                                         // client-side limiter: queues, never blocks
    Future<String> answer = client.chat(ChatRequest.builder()
            .model("openai/gpt-4o-mini")
            .models(List.of("anthropic/claude-3.5-haiku"))            // fallbacks: at most 3
            .provider(ProviderPreferences.builder().sort("price").dataCollection("deny").build())
            .addMessage(Message.user("Hello"))
            .maxTokens(256)
            .build())
        .map(response -> response.message().text());
    // README:client:end
    return answer.eventually(client::close);
  }
}
