package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Structured output: contact details from free text, as a validated {@link Contact} in JSON. */
public final class ExtractExample implements Example {

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");
  private static final Pattern NAME =
      Pattern.compile(
          "(?:I'm|I am|[Nn]ame is|[Tt]his is|[Ff]rom:)\\s+(\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)+)");
  private static final Pattern COMPANY =
      Pattern.compile("\\b(?:at|from|with|for)\\s+(\\p{Lu}[\\w&-]*(?:\\s+\\p{Lu}[\\w&-]*)*)");

  /** Runs {@code agentloop run extract <text>}. */
  public static void main(String[] args) {
    Main.main(Examples.argsFor("extract", args));
  }

  @Override
  public String name() {
    return "extract";
  }

  @Override
  public String description() {
    return "contact details from text as validated JSON";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    return new AgentOptions()
        .setInstructions(
            "Extract the contact details from the user's text."
                + " Copy values exactly as written; use null for anything the text does not say.");
  }

  @Override
  public Class<?> outputType() {
    return Contact.class;
  }

  @Override
  public MockResponse simulate(RecordedRequest request) {
    // The first user message holds the text; later ones would be repair requests.
    String text = ScriptedModel.firstUserText(request);
    String name = find(NAME, text);
    JsonObject contact =
        new JsonObject()
            .put("name", name == null ? "unknown" : name)
            .put("email", find(EMAIL, text))
            .put("phone", find(PHONE, text))
            .put("company", company(text, name));
    return ScriptedModel.answer(request, contact.encode());
  }

  private static @Nullable String company(String text, @Nullable String name) {
    Matcher m = COMPANY.matcher(text);
    while (m.find()) {
      String candidate = m.group(1).replaceAll("[.,]+$", "");
      if (name == null || !name.contains(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static @Nullable String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? (m.groupCount() > 0 ? m.group(1) : m.group()) : null;
  }
}
