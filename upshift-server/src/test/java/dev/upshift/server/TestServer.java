package dev.upshift.server;

import dev.upshift.store.KeyScope;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A server on a free port of 127.0.0.1 over a store, with a client, and its request log kept in
 * memory for tests to read.
 */
final class TestServer implements AutoCloseable {
  final Store store;
  final UpshiftServer server;
  final Http http;
  final List<String> log = new CopyOnWriteArrayList<>();

  private TestServer(Store store, Path workDir, UnaryOperator<ServerConfig> configure) {
    this.store = store;
    ServerConfig config = ServerConfig.defaults().withPort(0).withWorkDir(workDir)
        .withRequestLog(log::add);
    this.server = UpshiftServer.start(configure.apply(config), store);
    this.http = new Http(server.port());
  }

  /** A server on an embedded store in {@code dir}. */
  static TestServer sqlite(Path dir) {
    return sqlite(dir, config -> config);
  }

  static TestServer sqlite(Path dir, UnaryOperator<ServerConfig> configure) {
    return new TestServer(Store.openDataDir(dir.resolve("data")), dir.resolve("work"), configure);
  }

  /** A server on a store opened by the caller (closed with the server). */
  static TestServer on(Store store, Path workDir) {
    return new TestServer(store, workDir, config -> config);
  }

  /** Creates a workspace; returns its admin key. */
  String workspace(String name) {
    Workspace workspace = store.createWorkspace(name);
    return store.createKey(workspace, KeyScope.ADMIN, "admin").secret();
  }

  /** A new key of a workspace. */
  String key(String workspace, KeyScope scope) {
    return store.createKey(store.findWorkspace(workspace).orElseThrow(), scope, scope.wireName())
        .secret();
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
