package dev.agentloop.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.impl.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation and merging of {@link RequestExtras}, and extras on the raw request builder. */
class RequestExtrasTest {

  @Test
  void aFieldThatATypedSetterSendsIsRefusedByName() {
    assertThatThrownBy(() -> RequestExtras.builder().field("max_tokens", 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extra field clashes with a typed field, use its setter instead: max_tokens");
    assertThatThrownBy(() -> new RequestExtras(Map.of("tools", List.of()), Map.of()))
        .hasMessage("extra field clashes with a typed field, use its setter instead: tools");
    assertThatThrownBy(() -> RequestExtras.builder().field("cache_control", Map.of()))
        .hasMessage("extra field clashes with a typed field, use its setter instead: cache_control");
  }

  @Test
  void rawBuilderExtraNeverWritesAKeyTwice() throws Exception {
    assertThatThrownBy(
            () -> ChatRequest.builder().addMessage(Message.user("Hi")).maxTokens(5)
                .extra("max_tokens", 10))
        .hasMessage("extra field clashes with a typed field, use its setter instead: max_tokens");
    ChatRequest request = ChatRequest.builder().addMessage(Message.user("Hi"))
        .extra("service_tier", "flex").extra("modalities", List.of("text", "image")).build();
    JsonNode body = Json.MAPPER.readTree(Json.encode(request).getBytes());
    assertThat(body.get("service_tier").asText()).isEqualTo("flex");
    assertThat(body.get("modalities").toString()).isEqualTo("[\"text\",\"image\"]");
  }

  @Test
  void clientHeadersCannotBeOverridden() {
    for (String name : List.of("Authorization", "authorization", "HTTP-Referer", "X-Title",
        "X-OpenRouter-Title", "Content-Type", "Accept")) {
      assertThatThrownBy(() -> RequestExtras.builder().header(name, "x"))
          .as(name)
          .hasMessage("extra header is set by the client and cannot be overridden"
              + " (configure OpenRouterOptions instead): " + name);
    }
    assertThatThrownBy(() -> ChatRequest.builder().header("Authorization", "Bearer other"))
        .hasMessageEndingWith(": Authorization");
  }

  @Test
  void malformedHeadersAreRefused() {
    assertThatThrownBy(() -> RequestExtras.builder().header("bad name", "x"))
        .hasMessage("extra header name is not an HTTP token: bad name");
    assertThatThrownBy(() -> RequestExtras.builder().header("X-A", "a\r\nX-Injected: 1"))
        .hasMessage("extra header value contains a line break: X-A");
    String big = "v".repeat(RequestExtras.MAX_HEADER_VALUE_LENGTH + 1);
    assertThatThrownBy(() -> RequestExtras.builder().header("X-A", big))
        .hasMessage("extra header value must be at most 8192 characters: X-A has 8193");
    assertThatThrownBy(() -> new RequestExtras(Map.of(), Map.of("X-A", "1", "x-a", "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .message().isIn("extra header given twice: X-A", "extra header given twice: x-a");
  }

  @Test
  void countsAreBounded() {
    Map<String, Object> fields = new HashMap<>();
    for (int i = 0; i <= RequestExtras.MAX_FIELDS; i++) {
      fields.put("f" + i, i);
    }
    assertThatThrownBy(() -> new RequestExtras(fields, Map.of()))
        .hasMessage("extra fields must be at most 64: 65");
    Map<String, String> headers = new HashMap<>();
    for (int i = 0; i <= RequestExtras.MAX_HEADERS; i++) {
      headers.put("X-H" + i, "v");
    }
    assertThatThrownBy(() -> new RequestExtras(Map.of(), headers))
        .hasMessage("extra headers must be at most 32: 33");
  }

  @Test
  void overrideWithMergesKeyByKeyAndHeadersIgnoringCase() {
    RequestExtras agent = RequestExtras.builder().field("service_tier", "flex")
        .field("trace", Map.of("a", 1)).header("X-OpenRouter-Metadata", "enabled")
        .header("x-anthropic-beta", "one").build();
    RequestExtras run = RequestExtras.builder().field("service_tier", "priority")
        .header("X-Anthropic-Beta", "two").build();

    RequestExtras merged = agent.overrideWith(run);

    assertThat(merged.fields()).isEqualTo(Map.of("service_tier", "priority", "trace",
        Map.of("a", 1)));
    assertThat(merged.headers()).isEqualTo(Map.of("X-OpenRouter-Metadata", "enabled",
        "X-Anthropic-Beta", "two"));
    assertThat(agent.overrideWith(null)).isSameAs(agent);
    assertThat(RequestExtras.NONE.overrideWith(run)).isSameAs(run);
  }
}
