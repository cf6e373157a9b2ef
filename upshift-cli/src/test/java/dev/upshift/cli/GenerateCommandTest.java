package dev.upshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine command = new CommandLine(new GenerateCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  @Test
  void generate_writesEveryInputFileAndPrintsOneLine(@TempDir Path directory) throws Exception {
    Path target = directory.resolve("demo");
    int exit = execute("--customers", "40", "--months", "6", "--seed", "1", "--start", "2026-01",
        "--out", target.toString());
    assertThat(exit).isZero();
    assertThat(out.toString().lines()).hasSize(1);
    assertThat(out.toString()).startsWith("Wrote 7 files to " + target)
        .contains("2026-01 to 2026-06").contains("subscriptions.csv ").contains("customers.csv 40");
    for (String file : new String[] {"subscriptions.csv", "customers.csv", "plans.csv", "health.csv",
        "targets.csv", "fx.csv", "initiatives.csv"}) {
      assertThat(target.resolve(file)).isRegularFile();
    }
    assertThat(Files.readString(target.resolve("subscriptions.csv"))).startsWith("customer_id,line_id,");
  }

  @Test
  void generate_rejectsZeroCustomersAsAUsageError(@TempDir Path directory) {
    int exit = execute("--customers", "0", "--out", directory.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("customers must be at least 1");
  }

  @Test
  void generate_requiresAnOutputDirectory() {
    assertThat(execute("--customers", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("--out");
  }
}
