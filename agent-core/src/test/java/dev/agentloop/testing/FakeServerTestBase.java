package dev.agentloop.testing;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starts a {@link FakeOpenRouter} and a raw {@link Http} client around each test. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
abstract class FakeServerTestBase {

  FakeOpenRouter fake;
  Http http;

  @BeforeEach
  void startFake(Vertx vertx) {
    fake = FakeOpenRouter.start(vertx).await();
    http = new Http(vertx);
  }

  @AfterEach
  void closeFake() {
    http.close().await();
    fake.close().await();
  }
}
