package dev.agentloop.examples;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Sends one prompt to several models at once ({@code --models a,b,c}) and compares them. */
public final class CompareExample implements Example {

  /** The models compared when {@code --models} is not given. */
  public static final List<String> DEFAULT_MODELS =
      List.of("openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5", "google/gemini-2.5-flash");

  /**
   * One model's answer.
   *
   * @param model the model asked
   * @param result the run's result, or null when it failed
   * @param latencyMillis the time to the complete answer
   * @param error the failure message, or null
   */
  public record Row(
      String model, @Nullable AgentResult result, long latencyMillis, @Nullable String error) {}

  /** Runs {@code agentloop run compare <prompt>}. */
  public static void main(String[] args) {
    Main.main(Examples.argsFor("compare", args));
  }

  @Override
  public String name() {
    return "compare";
  }

  @Override
  public String description() {
    return "one prompt, several models (--models a,b,c)";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    return new AgentOptions().setInstructions("Answer concisely.");
  }

  @Override
  public MockResponse simulate(RecordedRequest request) {
    String model = String.valueOf(request.model());
    String prompt = ScriptedModel.userText(request);
    int sentences = 1 + Math.floorMod(model.hashCode(), 3);
    return ScriptedModel.answer(
        request,
        ("This is " + model + " answering \"" + prompt + "\". ").repeat(sentences).strip());
  }

  /** Runs the prompt on every model concurrently; a failed model gives a row with its error. */
  public static Future<List<Row>> compare(
      Vertx vertx,
      OpenRouterClient client,
      AgentOptions options,
      List<String> models,
      String prompt) {
    List<Future<Row>> rows = new ArrayList<>();
    for (String model : models) {
      Agent agent = Agent.create(vertx, client, new AgentOptions(options).setModel(model));
      long start = System.nanoTime();
      rows.add(
          agent
              .run(prompt)
              .map(r -> new Row(model, r, (System.nanoTime() - start) / 1_000_000, null))
              .otherwise(
                  e ->
                      new Row(
                          model,
                          null,
                          (System.nanoTime() - start) / 1_000_000,
                          ExitCodes.message(e))));
    }
    return Future.join(rows).map(all -> rows.stream().map(Future::result).toList());
  }

  /** Renders the rows as a table: answer length, latency, tokens and cost. */
  public static String table(List<Row> rows) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "%-32s %8s %9s %14s %11s%n", "model", "chars", "latency", "tokens in/out", "cost"));
    for (Row row : rows) {
      AgentResult r = row.result();
      if (r == null) {
        String error = String.valueOf(row.error()).lines().findFirst().orElse("failed");
        sb.append(String.format("%-32s %s%n", row.model(), error));
        continue;
      }
      Usage u = r.usage();
      sb.append(
          String.format(
              "%-32s %8d %7d ms %14s %11s%n",
              row.model(),
              r.text() == null ? 0 : r.text().length(),
              row.latencyMillis(),
              u.promptTokens() + "/" + u.completionTokens(),
              Format.usd(u.costOrZero())));
    }
    return sb.toString();
  }
}
