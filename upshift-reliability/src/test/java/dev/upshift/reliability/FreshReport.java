package dev.upshift.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.cli.UpshiftCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The independent recomputation a served report is held to: the records the API lists, written as
 * the §1 files of a folder ({@code subscriptions.csv} for phases, {@code customers.csv}, …) and
 * read by {@code upshift report --format json} in this process. Nothing of the server's cache,
 * loader or store is used, so a stale, partial or doubled dataset behind a report shows.
 */
final class FreshReport {
  private static final Map<String, String> FILES = Map.of("phases", "subscriptions.csv",
      "customers", "customers.csv", "plans", "plans.csv", "health", "health.csv",
      "targets", "targets.csv", "fx", "fx.csv", "initiatives", "initiatives.csv");

  private FreshReport() {}

  /**
   * Asserts that {@code GET /v1/report?query} is the command line's report (with {@code flags})
   * of the stored records, byte for byte but for {@code dataVersion}. The workspace must not
   * change meanwhile.
   *
   * @return the stored records it was computed from
   */
  static Stored assertServedReportIsFresh(Client client, String key, Path scratch, String query,
      String flags) {
    Stored stored = Stored.read(client, key);
    Client.Reply served = client.get("/v1/report" + (query.isEmpty() ? "" : "?" + query), key);
    assertThat(served.status()).as("report: %s", served).isEqualTo(200);
    assertThat(Stored.read(client, key)).as("the data changed during the check").isEqualTo(stored);
    String fresh = compute(stored, scratch, flags);
    assertThat(withoutDataVersion(served))
        .as("the served report (%s) against a fresh computation", query).isEqualTo(fresh);
    return stored;
  }

  /** The report JSON of {@code upshift report} over the records. */
  static String compute(Stored stored, Path scratch, String flags) {
    try {
      Path folder = Files.createTempDirectory(Files.createDirectories(scratch), "fresh-");
      try {
        for (String kind : Stored.KINDS) {
          if (!stored.of(kind).isEmpty()) {
            try (Writer out = Files.newBufferedWriter(folder.resolve(FILES.get(kind)))) {
              Workload.writeCsv(stored.of(kind).values(), out, false);
            }
          }
        }
        List<String> args = new ArrayList<>(List.of("report", "--data", folder.toString(),
            "--format", "json"));
        if (!flags.isEmpty()) {
          args.addAll(Arrays.asList(flags.split(" ")));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = UpshiftCommand.commandLine().setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err)).execute(args.toArray(String[]::new));
        assertThat(exit).as("upshift report: %s", err).isZero();
        return out.toString();
      } finally {
        Scratch.delete(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A report's JSON without its {@code dataVersion}, the one field the command line lacks. */
  static String withoutDataVersion(Client.Reply report) {
    assertThat(report.status()).as("report: %s", report).isEqualTo(200);
    return report.text().replaceFirst("\n  \"dataVersion\" : \\d+,", "");
  }
}
