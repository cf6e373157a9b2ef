package dev.upshift.reliability;

import dev.upshift.server.ServerConfig;
import dev.upshift.server.UpshiftServer;
import dev.upshift.store.KeyScope;
import dev.upshift.store.Store;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A server in this JVM on a free port of 127.0.0.1, over the backend's store, with its request
 * log dropped and a rate limit no test reaches (the suite's clients share keys).
 */
final class LocalServer implements AutoCloseable {
  final Store store;
  final UpshiftServer server;
  final Client client;

  LocalServer(Backend backend, Path workDir) {
    this(backend, workDir, config -> config);
  }

  LocalServer(Backend backend, Path workDir, UnaryOperator<ServerConfig> configure) {
    this.store = backend.open();
    ServerConfig config = ServerConfig.defaults().withPort(0).withWorkDir(workDir)
        .withRateLimit(1_000_000, 1_000_000).withRequestLog(line -> { });
    try {
      this.server = UpshiftServer.start(configure.apply(config), store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    this.client = new Client(server.port());
  }

  /** A new workspace; returns its admin key. */
  String workspace(String name) {
    return store.createKey(store.createWorkspace(name), KeyScope.ADMIN, "admin").secret();
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
