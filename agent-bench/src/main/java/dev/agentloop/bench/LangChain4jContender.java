package dev.agentloop.bench;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * LangChain4j 1.19: an {@code AiServices} assistant with one {@code @Tool} method over {@link
 * OpenAiChatModel}, pointed at the bench server. Blocking: each concurrent run owns a thread.
 *
 * <p>The JDK {@link HttpClient} is forced to HTTP/1.1 like every other contender; by default it
 * tries an h2c upgrade, and over cleartext HTTP/2 it fails above about 100 concurrent streams per
 * connection. Its HTTP/1.1 connection pool is unbounded by default, so it opens one connection per
 * concurrent request.
 */
final class LangChain4jContender implements BlockingContender {

  /** The assistant interface {@code AiServices} implements. */
  public interface Assistant {
    String chat(String userMessage);
  }

  /** The tool, the LangChain4j way. */
  public static final class WeatherTools {
    @Tool("Current weather for a city")
    public String weather(@P("City name, e.g. Paris") String city) {
      return Script.TOOL_RESULT;
    }
  }

  private final Assistant assistant;

  LangChain4jContender(String baseUrl) {
    OpenAiChatModel model =
        OpenAiChatModel.builder()
            .baseUrl(baseUrl)
            .apiKey("bench")
            .modelName(Script.MODEL)
            .maxRetries(0)
            .timeout(Duration.ofSeconds(60))
            .httpClientBuilder(
                new JdkHttpClientBuilder()
                    .httpClientBuilder(
                        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)))
            .build();
    this.assistant =
        AiServices.builder(Assistant.class).chatModel(model).tools(new WeatherTools()).build();
  }

  @Override
  public String converse() {
    return assistant.chat(Script.USER_PROMPT);
  }
}
