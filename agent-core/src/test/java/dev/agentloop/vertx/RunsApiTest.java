package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.ToolApprover;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.run.ApprovalDecision;
import dev.agentloop.run.RunStore;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code /v1/runs} API: start, list, show, decide, cancel; decisions survive a restart. */
@ExtendWith(VertxExtension.class)
class RunsApiTest {

  static final String TOKEN = "ops-token-0123456789";

  /** A side-effecting tool that needs approval. */
  public static final class Payments {
    final List<String> paid = new CopyOnWriteArrayList<>();

    /** Pays. */
    @Tool(description = "Pays an amount", requiresApproval = true, nonBlocking = true)
    public String pay(@Param(description = "amount") int amount) {
      paid.add("pay(" + amount + ")");
      return "paid " + amount;
    }
  }

  private Vertx vertx;
  private FakeOpenRouter fake;
  private OpenRouterClient client;
  private WebClient http;
  private final RunStore store = RunStore.inMemory();
  private final Payments payments = new Payments();
  private HttpServer server;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    fake = FakeOpenRouter.start(vertx).await();
    client = OpenRouterClient.create(vertx,
        new OpenRouterOptions().setApiKey("sk-test").setBaseUrl(fake.baseUrl()));
    http = WebClient.create(vertx);
  }

  @AfterEach
  void tearDown() {
    http.close();
    server.close().await();
    client.close().await();
    fake.close().await();
  }

  /** Starts a server process: a new agent and routes over the shared store. */
  private int serve() {
    if (server != null) {
      server.close().await();
    }
    Agent agent = Agent.create(vertx, client, new AgentOptions().setModel("m").setName("payer")
        .setToolbox(Toolbox.builder().add(payments).build()).setRunStore(store)
        .setApprover((call, spec) -> Future.succeededFuture(ToolApprover.Decision.defer())));
    Router router = Router.router(vertx);
    AgentRoutes.create(vertx, new AgentRoutesOptions().addToken(TOKEN, "ops"))
        .add("payer", agent).mount(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    return server.actualPort();
  }

  private HttpResponse<Buffer> call(HttpMethod method, int port, String path, String body) {
    var req = http.request(method, port, "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + TOKEN);
    if (method == HttpMethod.POST) {
      req.putHeader("Content-Type", "application/json");
    }
    return (body == null ? req.send() : req.sendBuffer(Buffer.buffer(body))).await();
  }

  private JsonObject awaitParked(int port, String id) {
    return await(port, id, "awaiting_approval");
  }

  private JsonObject await(int port, String id, String status) {
    for (int i = 0; i < 200; i++) {
      JsonObject run = call(HttpMethod.GET, port, "/v1/runs/" + id, null).bodyAsJsonObject();
      if (status.equals(run.getString("status"))) {
        return run;
      }
      vertx.timer(20).await();
    }
    throw new AssertionError("the run never became " + status + ": " + id);
  }

  @Test
  @Timeout(10)
  void approvalSurvivesARestartAndIsSingleUse() {
    fake.enqueue(MockChat.toolCall("pay", "{\"amount\":40}"));
    fake.enqueue(MockChat.text("paid"));
    int port = serve();

    HttpResponse<Buffer> started =
        call(HttpMethod.POST, port, "/v1/runs", "{\"agent\":\"payer\",\"input\":\"pay 40\"}");
    assertThat(started.statusCode()).isEqualTo(201);
    String id = started.bodyAsJsonObject().getString("id");
    assertThat(started.bodyAsJsonObject().getString("status")).isEqualTo("running");
    JsonObject parked = awaitParked(port, id);
    JsonObject pending = parked.getJsonArray("pending_approvals").getJsonObject(0);
    assertThat(pending.getString("tool")).isEqualTo("pay");
    assertThat(pending.getJsonObject("arguments")).isEqualTo(new JsonObject().put("amount", 40));

    int restarted = serve();
    JsonObject listed = call(HttpMethod.GET, restarted, "/v1/runs?status=awaiting_approval", null)
        .bodyAsJsonObject();
    assertThat(listed.getJsonArray("data").getJsonObject(0).getString("id")).isEqualTo(id);
    String callId = pending.getString("call_id");
    HttpResponse<Buffer> approved = call(HttpMethod.POST, restarted,
        "/v1/runs/" + id + "/approvals/" + callId, "{\"decision\":\"approve\"}");

    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(approved.bodyAsJsonObject().getString("id")).isEqualTo(id);
    assertThat(await(restarted, id, "finished").getString("text")).isEqualTo("paid");
    assertThat(payments.paid).containsExactly("pay(40)");
    HttpResponse<Buffer> again = call(HttpMethod.POST, restarted,
        "/v1/runs/" + id + "/approvals/" + callId, "{\"decision\":\"approve\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(payments.paid).containsExactly("pay(40)");
  }

  @Test
  @Timeout(10)
  void rejectedCallNeverRunsAndForgedDigestIsRefused() {
    fake.enqueue(MockChat.toolCall("pay", "{\"amount\":40}"));
    fake.enqueue(MockChat.text("not paid"));
    int port = serve();
    String id = call(HttpMethod.POST, port, "/v1/runs", "{\"agent\":\"payer\",\"input\":\"pay\"}")
        .bodyAsJsonObject().getString("id");
    String callId = awaitParked(port, id).getJsonArray("pending_approvals").getJsonObject(0)
        .getString("call_id");

    HttpResponse<Buffer> forged = call(HttpMethod.POST, port, "/v1/runs/" + id + "/approvals/"
        + callId, new JsonObject().put("decision", "approve")
        .put("digest", ApprovalDecision.digest("{\"amount\":1}")).encode());
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .startsWith("the decision's argument digest does not match call " + callId);

    HttpResponse<Buffer> rejected = call(HttpMethod.POST, port, "/v1/runs/" + id + "/approvals/"
        + callId, "{\"decision\":\"reject\",\"message\":\"over budget\"}");
    assertThat(rejected.statusCode()).isEqualTo(200);
    assertThat(await(port, id, "finished").getString("text")).isEqualTo("not paid");
    assertThat(payments.paid).isEmpty();
    assertThat(fake.requests().get(1).body().getJsonArray("messages").getJsonObject(2)
        .getString("content")).isEqualTo("The user rejected this call: over budget");
  }

  @Test
  @Timeout(10)
  void parkedRunCanBeCancelledAndUnknownRunsAre404() {
    fake.enqueue(MockChat.toolCall("pay", "{\"amount\":40}"));
    int port = serve();
    String id = call(HttpMethod.POST, port, "/v1/runs", "{\"agent\":\"payer\",\"input\":\"pay\"}")
        .bodyAsJsonObject().getString("id");
    awaitParked(port, id);

    HttpResponse<Buffer> cancelled = call(HttpMethod.POST, port, "/v1/runs/" + id + "/cancel", "");
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.bodyAsJsonObject().getString("stop_reason")).isEqualTo("CANCELLED");
    assertThat(call(HttpMethod.POST, port, "/v1/runs/" + id + "/cancel", "").statusCode())
        .isEqualTo(409);
    assertThat(call(HttpMethod.GET, port, "/v1/runs/run-nope", null).statusCode()).isEqualTo(404);
    assertThat(call(HttpMethod.POST, port, "/v1/runs", "{\"agent\":\"nope\",\"input\":\"x\"}")
        .statusCode()).isEqualTo(404);
    assertThat(http.get(port, "127.0.0.1", "/v1/runs").send().await().statusCode())
        .isEqualTo(401);
  }

  @Test
  @Timeout(10)
  void decisionIsAnsweredOnceRecordedWhileTheRunGoesOn() {
    fake.enqueue(MockChat.toolCall("pay", "{\"amount\":40}"));
    Promise<MockResponse> answer = Promise.promise();
    int port = serve();
    String id = call(HttpMethod.POST, port, "/v1/runs", "{\"agent\":\"payer\",\"input\":\"pay\"}")
        .bodyAsJsonObject().getString("id");
    String callId = awaitParked(port, id).getJsonArray("pending_approvals").getJsonObject(0)
        .getString("call_id");
    // The model's next answer is held back until the decision has been answered.
    fake.asyncDispatcher(request -> answer.future());

    HttpResponse<Buffer> approved = call(HttpMethod.POST, port, "/v1/runs/" + id + "/approvals/"
        + callId, "{\"decision\":\"approve\"}");
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(approved.bodyAsJsonObject().getString("status")).isEqualTo("running");
    assertThat(approved.bodyAsJsonObject().getString("stop_reason")).isNull();

    answer.complete(MockResponse.chat(MockChat.text("paid")));
    assertThat(await(port, id, "finished").getString("text")).isEqualTo("paid");
    assertThat(payments.paid).containsExactly("pay(40)");
  }

  @Test
  @Timeout(10)
  void runsPostsMustBeJson() {
    int port = serve();
    for (String path : List.of("/v1/runs", "/v1/runs/run-1/approvals/call-1",
        "/v1/runs/run-1/cancel")) {
      HttpResponse<Buffer> r = http.post(port, "127.0.0.1", path)
          .putHeader("Authorization", "Bearer " + TOKEN)
          .putHeader("Content-Type", "application/x-www-form-urlencoded")
          .sendBuffer(Buffer.buffer("agent=payer&input=pay")).await();
      assertThat(r.statusCode()).as(path).isEqualTo(415);
      assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("message")).as(path)
          .isEqualTo("the body must be sent as Content-Type: application/json:"
              + " application/x-www-form-urlencoded");
      assertThat(http.post(port, "127.0.0.1", path).putHeader("Authorization", "Bearer " + TOKEN)
          .send().await().statusCode()).as(path).isEqualTo(415);
    }
    assertThat(store.list(null, 10).await()).isEmpty();
  }
}
