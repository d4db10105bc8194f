package dev.agentloop.examples;

import dev.agentloop.openrouter.ModelInfo;
import dev.agentloop.openrouter.ModelsQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code agentloop models [--tools] [--supports PARAM] [--input MODALITY] [--search TEXT]}: lists
 * models with context and prices; {@code models endpoints AUTHOR/SLUG} lists a model's providers.
 */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Lists OpenRouter's models: context length and USD per million tokens.")
final class ModelsCommand implements Callable<Integer> {

  private final Cli cli;

  @Mixin CommonOptions common = new CommonOptions();

  @Option(names = "--tools", description = "Only models that can call tools.")
  boolean tools;

  @Option(
      names = "--supports",
      split = ",",
      paramLabel = "PARAM",
      description = "Only models supporting every PARAM (e.g. tools,structured_outputs).")
  List<String> supports = new java.util.ArrayList<>();

  @Option(
      names = "--input",
      split = ",",
      paramLabel = "MODALITY",
      description = "Only models taking every input MODALITY (text, image, audio, file, video).")
  List<String> input = new java.util.ArrayList<>();

  @Option(
      names = "--search",
      paramLabel = "TEXT",
      description = "Only models whose id or name" + " contains TEXT (case-insensitive).")
  @Nullable String search;

  ModelsCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    try (Connection c = Connection.open(cli, common, null)) {
      List<String> parameters = new java.util.ArrayList<>(supports);
      if (tools && !parameters.contains("tools")) {
        parameters.add("tools");
      }
      ModelsQuery query =
          ModelsQuery.builder().supportedParameters(parameters).inputModalities(input).build();
      Future<List<ModelInfo>> all = Runner.settle(c.client.models(query));
      if (all.failed()) {
        throw all.cause() instanceof RuntimeException e ? e : new RuntimeException(all.cause());
      }
      List<ModelInfo> models =
          all.result().stream()
              .filter(m -> search == null || matches(m, search))
              .sorted(Comparator.comparing(ModelInfo::id))
              .toList();
      cli.out.print(common.json ? json(models).encodePrettily() + "\n" : table(models));
      if (!common.json) {
        cli.err.println(models.size() + " models");
      }
      return ExitCodes.OK;
    }
  }

  private static boolean matches(ModelInfo m, String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return m.id().toLowerCase(Locale.ROOT).contains(t)
        || (m.name() != null && m.name().toLowerCase(Locale.ROOT).contains(t));
  }

  private static String table(List<ModelInfo> models) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "%-44s %10s %10s %10s  %s%n", "model", "context", "in $/M", "out $/M", "tools"));
    for (ModelInfo m : models) {
      ModelInfo.Pricing p = m.pricing();
      sb.append(
          String.format(
              "%-44s %10s %10s %10s  %s%n",
              m.id(),
              m.contextLength() == null ? "-" : m.contextLength(),
              Format.perMillion(p == null ? null : p.prompt()),
              Format.perMillion(p == null ? null : p.completion()),
              m.supportsTools() ? "yes" : "no"));
    }
    return sb.toString();
  }

  private static JsonArray json(List<ModelInfo> models) {
    JsonArray array = new JsonArray();
    for (ModelInfo m : models) {
      ModelInfo.Pricing p = m.pricing();
      array.add(
          new JsonObject()
              .put("id", m.id())
              .put("name", m.name())
              .put("context_length", m.contextLength())
              .put("prompt_usd_per_million", perMillion(p == null ? null : p.prompt()))
              .put("completion_usd_per_million", perMillion(p == null ? null : p.completion()))
              .put("tools", m.supportsTools()));
    }
    return array;
  }

  private static @Nullable BigDecimal perMillion(@Nullable BigDecimal perToken) {
    return perToken == null
        ? null
        : perToken.multiply(BigDecimal.valueOf(1_000_000)).stripTrailingZeros();
  }
}
