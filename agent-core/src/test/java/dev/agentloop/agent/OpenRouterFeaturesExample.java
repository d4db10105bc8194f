package dev.agentloop.agent;

import dev.agentloop.openrouter.CacheControl;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ContentPart;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.RequestExtras;
import dev.agentloop.openrouter.ServerTool;
import dev.agentloop.openrouter.ToolChoice;
import dev.agentloop.openrouter.UrlCitation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** The snippets of docs/openrouter-guide.md, compiled here and run by its doc test. */
final class OpenRouterFeaturesExample {

  private OpenRouterFeaturesExample() {}

  static Future<AgentResult> webSearch(Vertx vertx, OpenRouterClient client) {
    // tag::server-tools[]
    Agent researcher = Agent.create(vertx, client, new AgentOptions()
        .setModel("openai/gpt-4o-mini")
        .setServerTools(List.of(
            ServerTool.webSearch().maxResults(5),
            ServerTool.datetime("Europe/Paris")))
        .setParameters(ChatParameters.builder()
            .model("openai/gpt-4o-mini")
            .toolChoice(ToolChoice.serverTool(ServerTool.WEB_SEARCH)) // first request only
            .build()));
    Future<AgentResult> answer = researcher.run("What changed in Vert.x 5?")
        .onSuccess(r -> {
          for (UrlCitation source : r.sources()) {
            System.out.println(source.title() + " " + source.url());
          }
        });
    // end::server-tools[]
    return answer;
  }

  static Future<AgentResult> extras(Agent agent) {
    // tag::extras[]
    RunRequest request = RunRequest.builder("Summarise the report")
        .extras(RequestExtras.builder()
            .field("service_tier", "flex")                    // a field AgentLoop does not model
            .header("X-OpenRouter-Metadata", "enabled")       // a header, per run
            .build())
        .build();
    Future<AgentResult> result = agent.run(request);
    // end::extras[]
    return result;
  }

  static Future<AgentResult> caching(Vertx vertx, OpenRouterClient client, String manual) {
    // tag::caching[]
    AgentOptions options = new AgentOptions()
        .setModel("anthropic/claude-sonnet-4.5")
        .setInstructions("Answer from the manual.")
        .setInstructionsCacheControl(CacheControl.ephemeral("1h"));
    Message question = Message.user(List.of(
        ContentPart.text(manual, CacheControl.ephemeral()),   // cached prefix ends here
        ContentPart.text("How do I reset the device?")));
    Future<AgentResult> answer = Agent.create(vertx, client, options)
        .run(RunRequest.builder(question).build())
        .onSuccess(r -> System.out.println(
            r.usage().cachedTokens() + " cached, " + r.usage().cacheWriteTokens() + " written"));
    // end::caching[]
    return answer;
  }
}
