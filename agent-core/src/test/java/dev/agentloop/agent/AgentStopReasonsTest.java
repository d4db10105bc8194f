package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.memory.ConversationMemory;
import dev.agentloop.memory.TokenCounter;
import dev.agentloop.memory.spi.MessageStore;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolDefinition;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Memory failures and internal bugs stop a run with their own reason and an honest message. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class AgentStopReasonsTest {

  /** A store whose reads or writes fail, as a database going away would. */
  static final class FailingStore implements MessageStore {
    final boolean failLoad;
    final boolean throwOnLoad;
    final List<Message> appended = new ArrayList<>();

    FailingStore(boolean failLoad, boolean throwOnLoad) {
      this.failLoad = failLoad;
      this.throwOnLoad = throwOnLoad;
    }

    @Override
    public Future<List<Message>> load() {
      if (throwOnLoad) {
        throw new IllegalStateException("store closed");
      }
      return failLoad ? Future.failedFuture(new IOException("disk gone"))
          : Future.succeededFuture(List.of());
    }

    @Override
    public Future<Void> append(List<Message> messages) {
      return Future.failedFuture(new IOException("disk full"));
    }

    @Override
    public Future<Void> clear() {
      return Future.succeededFuture();
    }
  }

  private AgentFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private static ConversationMemory memory(FailingStore store) {
    return ConversationMemory.create(store, TokenCounter.cl100k(), 8_000);
  }

  @Test
  void unreadableMemoryStopsWithMemoryErrorBeforeAnyRequest() {
    RunRequest request = RunRequest.builder("hi").memory(memory(new FailingStore(true, false)))
        .build();

    AgentRunException e = AgentFixture.failure(fx.agent().run(request));

    assertThat(e.stopReason()).isEqualTo(StopReason.MEMORY_ERROR);
    assertThat(e).hasMessage("the conversation memory failed: disk gone");
    assertThat(e.result().error()).isInstanceOf(IOException.class);
    assertThat(fx.chatBodies()).isEmpty();
  }

  @Test
  void aStoreThatThrowsIsAMemoryErrorToo() {
    RunRequest request = RunRequest.builder("hi").memory(memory(new FailingStore(false, true)))
        .build();

    AgentRunException e = AgentFixture.failure(fx.agent().run(request));

    assertThat(e.stopReason()).isEqualTo(StopReason.MEMORY_ERROR);
    assertThat(e).hasMessage("the conversation memory failed: store closed");
  }

  @Test
  void unsavableMemoryFailsTheRunButKeepsTheAnswer() {
    fx.fake.enqueue(MockChat.text("hello there"));
    RunRequest request = RunRequest.builder("hi").memory(memory(new FailingStore(false, false)))
        .build();

    AgentRunException e = AgentFixture.failure(fx.agent().run(request));

    assertThat(e.stopReason()).isEqualTo(StopReason.MEMORY_ERROR);
    assertThat(e).hasMessage("the conversation memory failed: disk full");
    assertThat(e.result().text()).isEqualTo("hello there");
    assertThat(fx.chatBodies()).hasSize(1);
  }

  @Test
  void aBrokenToolboxIsAnInternalErrorNotAnApiError() {
    StubToolbox broken = new StubToolbox() {
      @Override
      public List<ToolDefinition> definitions() {
        throw new IllegalStateException("definitions lost");
      }
    }.add("noop", (args, ctx) -> Future.succeededFuture("ok"));

    AgentRunException e = AgentFixture.failure(
        fx.agent(new AgentOptions().setModel(AgentFixture.MODEL).setToolbox(broken)).run("hi"));

    assertThat(e.stopReason()).isEqualTo(StopReason.INTERNAL_ERROR);
    assertThat(e).hasMessage("the agent failed with an internal error: "
        + "java.lang.IllegalStateException: definitions lost");
    assertThat(fx.chatBodies()).isEmpty();
  }

  @Test
  void aThrowingListenerIsLoggedAndDoesNotStopTheRun() {
    fx.fake.enqueue(MockChat.text("fine"));
    AgentOptions options = fx.options().addListener(event -> {
      throw new IllegalStateException("listener bug");
    });

    AgentResult result = fx.agent(options).run("hi").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.text()).isEqualTo("fine");
  }
}
