package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.ToolApprover;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.run.RunStatus;
import dev.agentloop.run.RunStore;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The runs operations over the event bus: same answers and failure codes as {@code /v1/runs}. */
@ExtendWith(VertxExtension.class)
class AgentServiceRunsTest {

  private static final String ADDRESS = "agents.payer";

  private Vertx vertx;
  private FakeOpenRouter fake;
  private OpenRouterClient client;
  private final RunStore store = RunStore.inMemory();
  private final RunsApiTest.Payments payments = new RunsApiTest.Payments();
  private MessageConsumer<JsonObject> consumer;
  private AgentServiceClient runs;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    fake = FakeOpenRouter.start(vertx).await();
    client = OpenRouterClient.create(vertx,
        new OpenRouterOptions().setApiKey("sk-test").setBaseUrl(fake.baseUrl()));
    serve();
    runs = AgentServiceClient.create(vertx, ADDRESS);
  }

  @AfterEach
  void tearDown() {
    client.close().await();
    fake.close().await();
  }

  /** Starts a "server": a new agent over the shared store on the address. */
  private void serve() {
    if (consumer != null) {
      consumer.unregister().await();
    }
    Agent agent = Agent.create(vertx, client, new AgentOptions().setModel("m").setName("payer")
        .setToolbox(Toolbox.builder().add(payments).build()).setRunStore(store)
        .setApprover((call, spec) -> Future.succeededFuture(ToolApprover.Decision.defer())));
    consumer = AgentService.register(vertx, ADDRESS, agent);
    consumer.completion().await();
  }

  private JsonObject awaitParked(String id) {
    return awaitStatus(id, "awaiting_approval");
  }

  /** A decision answers once it is journaled; the run then goes on, so wait for its end. */
  private JsonObject awaitStatus(String id, String status) {
    for (int i = 0; i < 200; i++) {
      JsonObject run = runs.getRun(id).await();
      if (status.equals(run.getString("status"))) {
        return run;
      }
      vertx.timer(20).await();
    }
    throw new AssertionError("the run never reached " + status + ": " + id);
  }

  private static int failureCode(Future<?> future) {
    try {
      future.await();
    } catch (ReplyException e) {
      return e.failureCode();
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  @Timeout(10)
  void parkedRunIsListedApprovedOnceAfterARestartAndFinishes() {
    fake.enqueue(MockChat.toolCall("pay", "{\"amount\":40}"));
    fake.enqueue(MockChat.text("paid"));

    JsonObject started = runs.startRun("pay 40").await();
    assertThat(started.getString("status")).isEqualTo("running");
    String id = started.getString("id");
    JsonObject pending = awaitParked(id).getJsonArray("pending_approvals").getJsonObject(0);
    assertThat(pending.getString("tool")).isEqualTo("pay");
    assertThat(pending.getJsonObject("arguments")).isEqualTo(new JsonObject().put("amount", 40));

    serve();
    assertThat(runs.listRuns(RunStatus.AWAITING_APPROVAL, 10).await().getJsonArray("data")
        .getJsonObject(0).getString("id")).isEqualTo(id);
    assertThat(runs.approve(id, pending.getString("call_id"), null).await().getString("status"))
        .isEqualTo("running");
    JsonObject approved = awaitStatus(id, "finished");

    assertThat(approved.getString("status")).isEqualTo("finished");
    assertThat(approved.getString("text")).isEqualTo("paid");
    assertThat(payments.paid).containsExactly("pay(40)");
    assertThat(failureCode(runs.approve(id, pending.getString("call_id"), null)))
        .isEqualTo(AgentService.CONFLICT);
    assertThat(payments.paid).containsExactly("pay(40)");
    assertThat(runs.listRuns(RunStatus.AWAITING_APPROVAL, 10).await().getJsonArray("data"))
        .isEmpty();
  }

  @Test
  @Timeout(10)
  void rejectedCallNeverRunsAndTheModelReadsTheMessage() {
    fake.enqueue(MockChat.toolCall("pay", "{\"amount\":40}"));
    fake.enqueue(MockChat.text("not paid"));
    String id = runs.startRun("pay").await().getString("id");
    String callId = awaitParked(id).getJsonArray("pending_approvals").getJsonObject(0)
        .getString("call_id");

    runs.reject(id, callId, "over budget").await();
    JsonObject rejected = awaitStatus(id, "finished");

    assertThat(rejected.getString("text")).isEqualTo("not paid");
    assertThat(payments.paid).isEmpty();
    assertThat(fake.requests().get(1).body().getJsonArray("messages").getJsonObject(2)
        .getString("content")).isEqualTo("The user rejected this call: over budget");
  }

  @Test
  @Timeout(10)
  void cancelAndRefusalsUseTheHttpStatuses() {
    fake.enqueue(MockChat.toolCall("pay", "{\"amount\":40}"));
    String id = runs.startRun("pay").await().getString("id");
    awaitParked(id);

    assertThat(runs.cancelRun(id).await().getString("stop_reason")).isEqualTo("CANCELLED");
    assertThat(failureCode(runs.cancelRun(id))).isEqualTo(AgentService.CONFLICT);
    assertThat(failureCode(runs.getRun("run-nope"))).isEqualTo(AgentService.NOT_FOUND);
    assertThat(failureCode(runs.startRun(""))).isEqualTo(AgentService.INVALID_REQUEST);
    assertThat(failureCode(runs.listRuns(null, 501))).isEqualTo(AgentService.INVALID_REQUEST);
    assertThatThrownBy(() -> vertx.eventBus().request(ADDRESS, new JsonObject(),
            new DeliveryOptions().addHeader(AgentService.ACTION, "runs.nope")).await())
        .isInstanceOf(ReplyException.class)
        .hasMessage("invalid runs request: unknown action: runs.nope");
  }
}
