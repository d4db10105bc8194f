package dev.agentloop.examples;

import dev.agentloop.openrouter.ModelEndpoints;
import dev.agentloop.openrouter.ModelInfo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentloop models endpoints AUTHOR/SLUG}: one model's providers, prices and uptime. */
@Command(
    name = "endpoints",
    mixinStandardHelpOptions = true,
    description = "Lists the providers serving a model: prices, context, uptime, latency, tools.")
final class ModelEndpointsCommand implements Callable<Integer> {

  private final Cli cli;

  @Spec @Nullable CommandSpec spec;
  @Mixin CommonOptions common = new CommonOptions();

  @Parameters(
      index = "0",
      paramLabel = "AUTHOR/SLUG",
      description = "The model, e.g. openai/gpt-4o.")
  String model = "";

  ModelEndpointsCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    if (model.split("/", -1).length != 2) {
      throw new ParameterException(
          Objects.requireNonNull(spec, "spec").commandLine(),
          "model must be author/slug: " + model);
    }
    try (Connection c = Connection.open(cli, common, null)) {
      Future<ModelEndpoints> result = Runner.settle(c.client.endpoints(model));
      if (result.failed()) {
        throw result.cause() instanceof RuntimeException e
            ? e
            : new RuntimeException(result.cause());
      }
      List<ModelEndpoints.Endpoint> endpoints = result.result().endpoints();
      cli.out.print(common.json ? json(endpoints).encodePrettily() + "\n" : table(endpoints));
      if (!common.json) {
        cli.err.println(endpoints.size() + " endpoints of " + result.result().id());
      }
      return ExitCodes.OK;
    }
  }

  private static String table(List<ModelEndpoints.Endpoint> endpoints) {
    String row = "%-20s %-10s %9s %9s %9s %8s %8s  %s%n";
    StringBuilder sb =
        new StringBuilder(
            String.format(
                row,
                "provider",
                "quant",
                "context",
                "in $/M",
                "out $/M",
                "up 30m",
                "p50 s",
                "tools"));
    for (ModelEndpoints.Endpoint e : endpoints) {
      ModelInfo.Pricing p = e.pricing();
      sb.append(
          String.format(
              row,
              e.providerName(),
              e.quantization() == null ? "-" : e.quantization(),
              e.contextLength(),
              Format.perMillion(p == null ? null : p.prompt()),
              Format.perMillion(p == null ? null : p.completion()),
              e.uptimeLast30m() == null ? "-" : String.format("%.1f%%", e.uptimeLast30m()),
              e.latencyLast30m() == null ? "-" : String.format("%.2f", e.latencyLast30m().p50()),
              e.supports("tools") ? "yes" : "no"));
    }
    return sb.toString();
  }

  private static JsonArray json(List<ModelEndpoints.Endpoint> endpoints) {
    List<JsonObject> rows = new ArrayList<>();
    for (ModelEndpoints.Endpoint e : endpoints) {
      ModelInfo.Pricing p = e.pricing();
      rows.add(
          new JsonObject()
              .put("provider", e.providerName())
              .put("tag", e.tag())
              .put("context_length", e.contextLength())
              .put(
                  "prompt_usd_per_token",
                  p == null || p.prompt() == null ? null : p.prompt().toPlainString())
              .put(
                  "completion_usd_per_token",
                  p == null || p.completion() == null ? null : p.completion().toPlainString())
              .put("uptime_last_30m", e.uptimeLast30m())
              .put("status", e.status())
              .put("supported_parameters", new JsonArray(e.supportedParameters())));
    }
    return new JsonArray(new ArrayList<>(rows));
  }
}
