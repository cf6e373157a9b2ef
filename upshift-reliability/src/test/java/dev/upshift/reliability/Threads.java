package dev.upshift.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The suite's client threads: every wait bounded. */
final class Threads {
  private Threads() {}

  /** Lets the clients finish their work, failing if they take longer than {@code seconds}. */
  static void awaitAll(ExecutorService clients, long seconds) {
    clients.shutdown();
    try {
      assertThat(clients.awaitTermination(seconds, TimeUnit.SECONDS))
          .as("clients finished within %d s", seconds).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      clients.shutdownNow();
    }
  }
}
