package dev.agentloop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContractSchemasTest {

  @Test
  void minimalChatRequestIsValid() {
    assertThat(ContractSchemas.validate("ChatRequest",
        "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
        .isEmpty();
  }

  @Test
  void toolLoopChatRequestIsValid() {
    String body = """
        {"model":"openai/gpt-4o-mini","stream":true,"max_tokens":256,"session_id":"s1",
         "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",
           "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
         "tool_choice":"auto","parallel_tool_calls":true,
         "messages":[{"role":"system","content":"Be brief."},
           {"role":"user","content":"Weather in Paris?"},
           {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
             "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
           {"role":"tool","tool_call_id":"call_1","content":"sunny"}]}
        """;
    assertThat(ContractSchemas.validate("ChatRequest", body)).isEmpty();
  }

  @Test
  void chatRequestWithoutMessagesFails() {
    assertThat(ContractSchemas.validate("ChatRequest", "{\"model\":\"openai/gpt-4o-mini\"}"))
        .anySatisfy(e -> assertThat(e).contains("messages"));
  }

  @Test
  void chatRequestWithBadRoleFails() {
    assertThat(ContractSchemas.validate("ChatRequest",
        "{\"messages\":[{\"role\":\"wizard\",\"content\":\"Hi\"}]}"))
        .isNotEmpty()
        .anySatisfy(e -> assertThat(e).startsWith("/messages/0"));
  }

  @Test
  void chatResultWithWrongTypesFails() {
    assertThat(ContractSchemas.validate("ChatResult",
        "{\"id\":1,\"object\":\"chat.completion\",\"created\":\"yesterday\",\"model\":\"m\","
            + "\"system_fingerprint\":null,\"choices\":[]}"))
        .anySatisfy(e -> assertThat(e).startsWith("/id"))
        .anySatisfy(e -> assertThat(e).startsWith("/created"));
  }

  @Test
  void unknownSchemaNameIsRejected() {
    assertThatThrownBy(() -> ContractSchemas.validate("NoSuchThing", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no schema in the OpenRouter contract: NoSuchThing");
  }
}
