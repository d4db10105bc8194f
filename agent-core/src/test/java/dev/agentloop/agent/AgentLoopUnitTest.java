package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ToolChoice;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fast checks of the loop against an in-process client; the HTTP-level tests are in AgentTest. */
@ExtendWith(VertxExtension.class)
class AgentLoopUnitTest {

  record City(String name, int population) {}

  @Test
  @Timeout(10)
  void toolRoundThenAnswer(Vertx vertx) {
    StubClient client = new StubClient()
        .thenCall("c1", "add", "{\"a\":1,\"b\":2}")
        .thenText("3");
    StubToolbox tools = new StubToolbox().add("add",
        (args, ctx) -> Future.succeededFuture(String.valueOf(args.get("a").asInt() + args.get("b").asInt())));
    Agent agent = Agent.create(vertx, client, new AgentOptions().setModel("m").setInstructions("be brief")
        .setToolbox(tools).setParameters(ChatParameters.builder().model("m").toolChoice(ToolChoice.REQUIRED).build()));

    AgentResult result = agent.run("1+2?").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.text()).isEqualTo("3");
    assertThat(result.transcript()).extracting(m -> m.role())
        .containsExactly("system", "user", "assistant", "tool", "assistant");
    assertThat(result.transcript().get(3).text()).isEqualTo("3");
    List<dev.agentloop.openrouter.ChatRequest> sent = List.copyOf(client.requests);
    assertThat(sent.get(0).parameters().toolChoice()).isEqualTo(ToolChoice.REQUIRED);
    assertThat(sent.get(1).parameters().toolChoice()).isEqualTo(ToolChoice.AUTO);
    assertThat(sent.get(0).parameters().maxTokens()).isNull();
    assertThat(sent.get(0).parameters().sessionId()).isEqualTo(sent.get(1).parameters().sessionId())
        .isEqualTo(result.sessionId());
  }

  @Test
  @Timeout(10)
  void typedOutputIsRepaired(Vertx vertx) {
    StubClient client = new StubClient()
        .thenText("{\"name\":\"Paris\"}")
        .thenText("```json\n{\"name\":\"Paris\",\"population\":2100000}\n```");
    Agent agent = Agent.create(vertx, client, new AgentOptions().setModel("m"));

    AgentResult result = agent.run("Biggest city of France?", City.class).await();

    assertThat(result.output(City.class)).isEqualTo(new City("Paris", 2100000));
    assertThat(result.steps()).extracting(Step::kind).containsExactly(Step.Kind.ITERATION, Step.Kind.OUTPUT_REPAIR);
    assertThat(List.copyOf(client.requests).get(0).responseFormat().type()).isEqualTo("json_schema");
  }

  @Test
  @Timeout(10)
  void memoryCarriesTheConversationAcrossRuns(Vertx vertx) {
    StubClient client = new StubClient().thenText("Hello Ada").thenText("Your name is Ada");
    Agent agent = Agent.create(vertx, client, new AgentOptions().setModel("m").setInstructions("sys"));
    dev.agentloop.memory.ConversationMemory memory = dev.agentloop.memory.ConversationMemory.create(1000);

    agent.run(RunRequest.builder("I am Ada").memory(memory).build()).await();
    AgentResult second = agent.run(RunRequest.builder("Who am I?").memory(memory).build()).await();

    assertThat(second.transcript()).extracting(m -> m.text())
        .containsExactly("sys", "I am Ada", "Hello Ada", "Who am I?", "Your name is Ada");
    assertThat(memory.messages().await()).hasSize(4);
  }
}
