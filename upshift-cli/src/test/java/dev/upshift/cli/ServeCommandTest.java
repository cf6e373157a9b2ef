package dev.upshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upshift serve} as a user runs it: a process of its own, configured by an environment
 * variable and a flag, answering while {@code workspace create} and {@code import} act on its
 * store beside it (§8.1), and stopping on SIGTERM with exit status 0 after its graceful stop.
 */
class ServeCommandTest {
  private static final Pattern SERVING = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+) ");

  @TempDir Path work;

  @Test
  void serve_answersFromItsStore_whileOperatorCommandsRunBesideIt_andStopsOnSigterm()
      throws Exception {
    String dataDir = work.resolve("data").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), UpshiftCommand.class.getName(),
        "serve", "--data-dir", dataDir, "--shutdown-seconds", "10"));
    builder.environment().put("UPSHIFT_PORT", "0"); // any free port, told on stderr
    builder.redirectOutput(work.resolve("requests.log").toFile());
    Process server = builder.start();
    try {
      BlockingQueue<String> stderr = linesOf(server);
      int port = portFrom(stderr);

      String key = CommandLineTest.run("workspace", "create", "acme", "--data-dir", dataDir)
          .out().strip();
      CommandLineTest.Run imported = CommandLineTest.run("import", "--workspace", "acme",
          "--data", CommandLineTest.demo().toString(), "--data-dir", dataDir);
      assertThat(imported.exit()).as(imported.err()).isZero();

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> report = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/v1/report?grain=quarter"))
          .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      CommandLineTest.Run cli = CommandLineTest.run("report", "--data",
          CommandLineTest.demo().toString(), "--grain", "quarter", "--format", "json");

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
      // The first period of the CLI's report on the same files, figure for figure.
      String firstPeriod = cli.out().substring(cli.out().indexOf("\"periods\""),
          cli.out().indexOf("\"retention\""));
      assertThat(report.body().replaceAll("\\s", ""))
          .contains(firstPeriod.replaceAll("\\s", ""));

      server.destroy(); // SIGTERM
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      // A JVM that ran its shutdown hooks on SIGTERM exits 143 (128 + 15).
      assertThat(server.exitValue()).isEqualTo(143);
      assertThat(java.nio.file.Files.readString(work.resolve("requests.log")))
          .contains("\"path\":\"/v1/report\"").doesNotContain(key);
    } finally {
      server.destroyForcibly();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The process's stderr lines, read on a thread of their own so the pipe never fills. */
  private static BlockingQueue<String> linesOf(Process process) {
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(10_000);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.offer(line);
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "serve-stderr");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static int portFrom(BlockingQueue<String> stderr) throws InterruptedException {
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String line = stderr.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        continue;
      }
      seen.append(line).append('\n');
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("serve did not say where it listens within 60 s; it said:\n" + seen);
  }
}
