package dev.upshift.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for tests, without Docker: the first use starts a throwaway cluster from
 * Debian's server binaries ({@code /usr/lib/postgresql/<version>/bin}, the newest version found)
 * in a temporary directory, listening on 127.0.0.1 on a free port with trust authentication; the
 * JVM's shutdown stops it and deletes the directory. PostgreSQL refuses to run as root, so as root
 * the cluster runs as the {@code postgres} OS user (which the Debian package creates).
 *
 * <p>If {@value #URL_VARIABLE} is set (a JDBC URL of a user allowed to create databases), that
 * server is used instead. Missing binaries fail the test with the command that installs them: a
 * test that needs PostgreSQL never skips.
 *
 * <p>Each {@link #newDatabase()} is a fresh, empty database, so tests never see each other's data.
 * Shared with other modules' tests through this module's test-jar.
 */
public final class TestPostgres {

  /** The environment variable naming an existing server to use instead of a throwaway one. */
  public static final String URL_VARIABLE = "UPSHIFT_TEST_PG_URL";

  private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
  private static final long COMMAND_TIMEOUT_SECONDS = 120;
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static TestPostgres instance;

  private final String adminUrl;

  private TestPostgres(String adminUrl) {
    this.adminUrl = adminUrl;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized TestPostgres get() {
    if (instance == null) {
      String external = System.getenv(URL_VARIABLE);
      instance = new TestPostgres(
          external != null && !external.isBlank() ? external : Cluster.start().adminUrl());
    }
    return instance;
  }

  /** A fresh empty database; closing it drops it. */
  public Database newDatabase() {
    String name = "upshift_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection admin = DriverManager.getConnection(adminUrl);
        Statement statement = admin.createStatement()) {
      // CREATE DATABASE takes no parameters; the name is made here from digits and letters.
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database via " + adminUrl, e);
    }
    return new Database(name, withDatabase(adminUrl, name));
  }

  /** A database of the test server. */
  public final class Database implements AutoCloseable {
    private final String name;
    private final String url;

    private Database(String name, String url) {
      this.name = name;
      this.url = url;
    }

    /** Its JDBC URL, with the user (and password, if the server needs one). */
    public String url() {
      return url;
    }

    @Override
    public void close() {
      try (Connection admin = DriverManager.getConnection(adminUrl);
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot drop test database " + name, e);
      }
    }
  }

  /** The URL with its database (the path after host and port) replaced. */
  static String withDatabase(String jdbcUrl, String database) {
    String prefix = "jdbc:postgresql://";
    if (!jdbcUrl.startsWith(prefix)) {
      throw new IllegalArgumentException(URL_VARIABLE + " must be a jdbc:postgresql:// URL: " + jdbcUrl);
    }
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    String parameters = query < 0 ? "" : jdbcUrl.substring(query);
    int slash = base.indexOf('/', prefix.length());
    String hosts = slash < 0 ? base : base.substring(0, slash);
    return hosts + "/" + database + parameters;
  }

  /** A cluster in a temporary directory, stopped and deleted when the JVM exits. */
  private record Cluster(Path bin, Path dir, boolean asPostgresUser, int port) {

    static Cluster start() {
      Path bin = serverBinaries();
      boolean root = "root".equals(System.getProperty("user.name"));
      try {
        Path dir = Files.createTempDirectory("upshift-pg-");
        if (root) {
          UserPrincipal postgres =
              dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
          Files.setOwner(dir, postgres);
        }
        Cluster cluster = new Cluster(bin, dir, root, freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAndDelete, "stop test PostgreSQL"));
        cluster.initAndStart();
        return cluster;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start a test PostgreSQL", e);
      }
    }

    String adminUrl() {
      return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    private void initAndStart() {
      Path data = dir.resolve("data");
      // An ICU default collation sorts "a" before "B", unlike code-point order: the store must
      // not depend on the database's default collation, and these tests would show it if it did.
      run(bin.resolve("initdb").toString(), "-D", data.toString(), "--auth=trust", "--username=postgres",
          "--encoding=UTF8", "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US",
          "--no-sync");
      run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
          "-w", "-t", "60", "-o",
          "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
              + " -c fsync=off -c full_page_writes=off -c max_connections=200",
          "start");
    }

    private void stopAndDelete() {
      try {
        run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
            "-w", "stop");
      } catch (RuntimeException e) {
        System.err.println("stopping the test PostgreSQL failed: " + e.getMessage());
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        System.err.println("deleting " + dir + " failed: " + e.getMessage());
      }
    }

    private void run(String... command) {
      List<String> line = new ArrayList<>();
      if (asPostgresUser) {
        line.addAll(List.of("runuser", "-u", "postgres", "--"));
      }
      line.addAll(List.of(command));
      try {
        // Output goes to a file, not a pipe: the server that pg_ctl starts outlives it.
        Path output = Files.createTempFile("upshift-pg-command-", ".log");
        try {
          Process process = new ProcessBuilder(line).redirectErrorStream(true)
              .redirectOutput(output.toFile()).directory(dir.toFile()).start();
          if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", line));
          }
          if (process.exitValue() != 0) {
            throw new IllegalStateException("failed (exit " + process.exitValue() + "): "
                + String.join(" ", line) + "\n" + Files.readString(output, StandardCharsets.UTF_8)
                + serverLog());
          }
        } finally {
          Files.deleteIfExists(output);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot run " + String.join(" ", line), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted: " + String.join(" ", line), e);
      }
    }

    private String serverLog() throws IOException {
      Path log = dir.resolve("server.log");
      return Files.exists(log) ? "\nserver log:\n" + Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static Path serverBinaries() {
      String install = "PostgreSQL's server binaries were not found in " + DEBIAN_ROOT
          + "/<version>/bin. Install them with `apt-get install -y postgresql`, or set "
          + URL_VARIABLE + " to the JDBC URL of a server whose user may create databases.";
      if (!Files.isDirectory(DEBIAN_ROOT)) {
        throw new IllegalStateException(install);
      }
      try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
        return versions
            .filter(version -> version.getFileName().toString().matches("\\d+(\\.\\d+)?"))
            .filter(version -> Files.isExecutable(version.resolve("bin/initdb"))
                && Files.isExecutable(version.resolve("bin/pg_ctl")))
            .max(Comparator.comparingDouble(version -> Double.parseDouble(version.getFileName().toString())))
            .map(version -> version.resolve("bin"))
            .orElseThrow(() -> new IllegalStateException(install));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + DEBIAN_ROOT, e);
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      }
    }
  }
}
