package dev.upshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.store.KeyScope;
import dev.upshift.store.RecordKind;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workspace create}, {@code key create} and {@code import} as an operator runs them. */
class ServiceCommandsTest {
  @TempDir Path work;

  private String dataDir() {
    return work.resolve("data").toString();
  }

  @Test
  void workspaceCreate_printsTheAdminKeyAloneOnStdout() {
    CommandLineTest.Run run = CommandLineTest.run("workspace", "create", "acme", "--data-dir", dataDir());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).matches("upk_[A-Za-z0-9_-]+\\R");
    assertThat(run.err()).contains("created workspace acme");
    try (Store store = Store.openDataDir(Path.of(dataDir()))) {
      var key = store.findActiveKey(run.out().strip()).orElseThrow();
      assertThat(key.scope()).isEqualTo(KeyScope.ADMIN);
      assertThat(key.workspace().name()).isEqualTo("acme");
    }
    CommandLineTest.Run again = CommandLineTest.run("workspace", "create", "acme", "--data-dir", dataDir());
    assertThat(again.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(again.err()).contains("workspace acme exists already");
    assertThat(again.out()).isEmpty();
  }

  @Test
  void keyCreate_printsAKeyOfTheScope() {
    CommandLineTest.run("workspace", "create", "acme", "--data-dir", dataDir());

    CommandLineTest.Run run = CommandLineTest.run("key", "create", "--workspace", "acme",
        "--scope", "read", "--name", "dashboard", "--data-dir", dataDir());
    CommandLineTest.Run badScope = CommandLineTest.run("key", "create", "--workspace", "acme",
        "--scope", "root", "--data-dir", dataDir());
    CommandLineTest.Run noWorkspace = CommandLineTest.run("key", "create", "--workspace", "beta",
        "--scope", "read", "--data-dir", dataDir());

    assertThat(run.exit()).isZero();
    try (Store store = Store.openDataDir(Path.of(dataDir()))) {
      var key = store.findActiveKey(run.out().strip()).orElseThrow();
      assertThat(key.scope()).isEqualTo(KeyScope.READ);
      assertThat(key.name()).isEqualTo("dashboard");
    }
    assertThat(badScope.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(badScope.err()).contains("'root' is not read, write or admin");
    assertThat(noWorkspace.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(noWorkspace.err()).contains("no workspace beta");
  }

  @Test
  void import_refusesAFolderWhoseProjectFileChangesHowItIsRead_ratherThanIgnoringIt() {
    CommandLineTest.run("workspace", "create", "acme", "--data-dir", dataDir());

    CommandLineTest.Run run = CommandLineTest.run("import", "--workspace", "acme", "--data",
        CommandLineTest.demo().resolveSibling("export").toString(), "--data-dir", dataDir());

    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("upshift.yaml sets files, map, ignore_columns, end_dates,"
        + " which import does not apply");
    try (Store store = Store.openDataDir(Path.of(dataDir()))) {
      Workspace acme = store.findWorkspace("acme").orElseThrow();
      assertThat(store.dataVersion(acme)).isZero();
    }
  }

  @Test
  void import_loadsTheFolder_andListsErrorsAsValidateDoes() throws Exception {
    CommandLineTest.run("workspace", "create", "acme", "--data-dir", dataDir());

    CommandLineTest.Run run = CommandLineTest.run("import", "--workspace", "acme", "--data",
        CommandLineTest.demo().toString(), "--data-dir", dataDir());
    Path bad = Files.createDirectories(work.resolve("bad"));
    Files.writeString(bad.resolve("subscriptions.csv"), "customer_id,arr,start_date\nC1,-1,2026-01-01\n");
    CommandLineTest.Run failed = CommandLineTest.run("import", "--workspace", "acme", "--data",
        bad.toString(), "--data-dir", dataDir());
    CommandLineTest.Run noWorkspace = CommandLineTest.run("import", "--workspace", "beta", "--data",
        bad.toString(), "--data-dir", dataDir());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("subscriptions.csv: 1,676 records (1,676 created")
        .contains("imported into acme");
    try (Store store = Store.openDataDir(Path.of(dataDir()))) {
      Workspace acme = store.findWorkspace("acme").orElseThrow();
      assertThat(store.get(acme, RecordKind.CUSTOMERS, "customers.csv:2")).isPresent();
    }
    assertThat(failed.exit()).isEqualTo(ExitCode.INPUT);
    assertThat(failed.err()).contains(bad.resolve("subscriptions.csv") + ":2: column arr: \"-1\" is"
        + " negative; a price must be 0 or more [negative_value]")
        .contains("1 error in the input; nothing was stored");
    assertThat(noWorkspace.exit()).isEqualTo(ExitCode.USAGE);
  }
}
