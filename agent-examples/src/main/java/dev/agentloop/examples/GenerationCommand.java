package dev.agentloop.examples;

import dev.agentloop.openrouter.Generation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code agentloop generation <id>}: shows one generation's model, tokens, cost and timing. */
@Command(
    name = "generation",
    mixinStandardHelpOptions = true,
    description = "Shows a generation's cost and tokens (the id is a response's \"id\", gen-...).")
final class GenerationCommand implements Callable<Integer> {

  private final Cli cli;

  @Mixin CommonOptions common = new CommonOptions();

  @Parameters(paramLabel = "ID", description = "The generation id.")
  String id = "";

  GenerationCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    try (Connection c = Connection.open(cli, common, null)) {
      Future<Generation> f = Runner.settle(c.client.generation(id));
      if (f.failed()) {
        throw f.cause() instanceof RuntimeException e ? e : new RuntimeException(f.cause());
      }
      Generation g = f.result();
      if (common.json) {
        cli.out.println(
            new JsonObject()
                .put("id", g.id())
                .put("model", g.model())
                .put("provider", g.providerName())
                .put("total_cost", g.totalCost())
                .put("tokens_prompt", g.tokensPrompt())
                .put("tokens_completion", g.tokensCompletion())
                .put("native_tokens_prompt", g.nativeTokensPrompt())
                .put("native_tokens_completion", g.nativeTokensCompletion())
                .put("native_tokens_reasoning", g.nativeTokensReasoning())
                .put("latency_ms", g.latency())
                .put("generation_time_ms", g.generationTime())
                .put("finish_reason", g.finishReason())
                .put("streamed", g.streamed())
                .encodePrettily());
      } else {
        cli.out.print(text(g));
      }
      return ExitCodes.OK;
    }
  }

  private static String text(Generation g) {
    BigDecimal cost = g.totalCost() == null ? BigDecimal.ZERO : g.totalCost();
    return String.format(
        "%-12s %s%n%-12s %s%n%-12s %s%n%-12s %s%n%-12s %s in, %s out%n"
            + "%-12s %s in, %s out, %s reasoning%n%-12s %s ms to first token, %s ms total%n"
            + "%-12s %s%n",
        "id",
        g.id(),
        "model",
        g.model(),
        "provider",
        g.providerName(),
        "cost",
        Format.usd(cost),
        "tokens",
        g.tokensPrompt(),
        g.tokensCompletion(),
        "native",
        g.nativeTokensPrompt(),
        g.nativeTokensCompletion(),
        g.nativeTokensReasoning() == null ? 0 : g.nativeTokensReasoning(),
        "latency",
        g.latency(),
        g.generationTime(),
        "finish",
        g.finishReason());
  }
}
