package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /metrics} serves Prometheus text that {@code promtool check metrics} accepts. */
@ExtendWith(VertxExtension.class)
class MetricsEndpointTest {

  @Test
  @Timeout(30)
  void metricsArePrometheusTextThatPromtoolAccepts(Vertx vertx) throws Exception {
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    OpenRouterClient client =
        OpenRouterClient.create(
            vertx,
            new OpenRouterOptions()
                .setApiKey("sk-test")
                .setBaseUrl(fake.baseUrl())
                .setRetry(new dev.agentloop.openrouter.RetryOptions().setBaseDelay(java.time.Duration.ofMillis(5))));
    fake.enqueue(MockResponse.error(503, "busy"));
    fake.enqueue(MockChat.text("hello").usage(21, 3, 0.0004));
    String body;
    try (ObservabilitySetup setup = ObservabilitySetup.create(null, Map.of())) {
      Agent agent =
          Agent.create(
              vertx,
              client,
              new AgentOptions().setModel("openai/gpt-4o-mini").setObservability(setup.options()));
      agent.run("hi").await();
      ChatServer server = ChatServer.start(vertx, "demo", agent, 0, setup.registry()).await();
      String[] head = new String[2];
      body =
          vertx
              .createHttpClient()
              .request(HttpMethod.GET, server.port(), "127.0.0.1", "/metrics")
              .compose(req -> req.send())
              .compose(
                  response -> {
                    head[0] = Integer.toString(response.statusCode());
                    head[1] = response.getHeader("Content-Type");
                    return response.body();
                  })
              .await()
              .toString(StandardCharsets.UTF_8);
      assertThat(head[0]).isEqualTo("200");
      assertThat(head[1]).startsWith("text/plain; version=0.0.4");
      server.close().await();
    }

    assertThat(body)
        .contains("# TYPE gen_ai_client_token_usage histogram")
        .contains("# TYPE gen_ai_client_operation_duration_seconds histogram")
        .contains("# TYPE agentloop_runs_total counter")
        .contains("# TYPE openrouter_cost_usd_total counter")
        .contains("# TYPE openrouter_retries_total counter")
        .contains("# TYPE agentloop_runs_active gauge")
        .contains("agentloop_runs_active 0.0")
        .contains("agentloop_runs_total{agentloop_stop_reason=\"completed\"} 1.0")
        .contains("openrouter_retries_total{error_type=\"503\"} 1.0")
        .contains(
            "gen_ai_client_token_usage_bucket{gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openrouter\",gen_ai_request_model=\"openai/gpt-4o-mini\",gen_ai_response_model=\"openai/gpt-4o-mini\",gen_ai_token_type=\"input\",le=\"64.0\"} 1")
        .contains(
            "gen_ai_client_token_usage_sum{gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openrouter\",gen_ai_request_model=\"openai/gpt-4o-mini\",gen_ai_response_model=\"openai/gpt-4o-mini\",gen_ai_token_type=\"input\"} 21.0")
        .doesNotContain("run-")
        .doesNotContain("sk-test");
    promtool(body);
    client.close().await();
    fake.close().await();
  }

  @Test
  @Timeout(10)
  void metricsNeedTheServersTokenWhenOneIsSet(Vertx vertx) throws Exception {
    OpenRouterClient client =
        OpenRouterClient.create(
            vertx, new OpenRouterOptions().setApiKey("sk-test").setBaseUrl("http://127.0.0.1:9"));
    try (ObservabilitySetup setup = ObservabilitySetup.create(null, Map.of())) {
      Agent agent =
          Agent.create(
              vertx,
              client,
              new AgentOptions().setModel("openai/gpt-4o-mini").setObservability(setup.options()));
      ChatServerOptions options =
          new ChatServerOptions().setPort(0).setToken("0123456789abcdef-metrics");
      ChatServer server = ChatServer.start(vertx, "demo", agent, options, setup.registry()).await();
      try {
        assertThat(scrape(vertx, server.port(), null)).isEqualTo(401);
        assertThat(scrape(vertx, server.port(), "Bearer 0123456789abcdef-wrong!!")).isEqualTo(401);
        assertThat(scrape(vertx, server.port(), "Bearer 0123456789abcdef-metrics")).isEqualTo(200);
      } finally {
        server.close().await();
      }
    }
    client.close().await();
  }

  private static int scrape(Vertx vertx, int port, String authorization) {
    return vertx
        .createHttpClient()
        .request(HttpMethod.GET, port, "127.0.0.1", "/metrics")
        .compose(
            req -> {
              if (authorization != null) {
                req.putHeader("Authorization", authorization);
              }
              return req.send();
            })
        .await()
        .statusCode();
  }

  /** Runs {@code promtool check metrics} on the text when promtool is installed. */
  private static void promtool(String metrics) throws Exception {
    String promtool = null;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "promtool"))) {
        promtool = Path.of(dir, "promtool").toString();
        break;
      }
    }
    Assumptions.assumeTrue(
        promtool != null,
        "promtool not found: install Debian's prometheus package to check /metrics (.ci/run does)");
    Process p = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
    p.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("promtool check metrics: " + out).isEqualTo(0);
  }
}
