package dev.upshift.cli;

import dev.upshift.server.ingest.Importer;
import dev.upshift.store.IngestMode;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code upshift import}: bulk-loads the §1 files of a folder into a workspace, by the rules of
 * §8.3 (see {@link Importer}). Errors are listed as {@code validate} lists them (exit 3).
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Load the input files of a folder into a workspace, by the API's rules; a row"
        + " without an id column gets the id <file name>:<line>, so importing again changes nothing.",
        "May run while the server runs."})
final class ImportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--workspace", required = true, paramLabel = "NAME", description = "The workspace.")
  String workspace;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "A folder with subscriptions.csv and any of customers.csv, plans.csv, health.csv, targets.csv, fx.csv, initiatives.csv.")
  Path data;

  @Option(names = "--correct",
      description = "Replace stored records whose content changed (as the API's mode=correct); without it they are errors.")
  boolean correct;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "50000",
      description = "Records per stored batch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Mixin
  StoreSelection store;

  @Override
  public Integer call() {
    if (!Files.isDirectory(data)) {
      throw new ParameterException(spec.commandLine(), "--data " + data + " is not a folder");
    }
    if (batchSize < 1) {
      throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1");
    }
    refuseReadingRules();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> env = System.getenv();
    long began = System.nanoTime();
    try (Store opened = store.open(env)) {
      Workspace found = opened.findWorkspace(workspace).orElseThrow(() -> new ParameterException(
          spec.commandLine(), "no workspace " + workspace + " in " + store.describe(env)
              + "; create it with upshift workspace create " + workspace));
      Importer importer = new Importer(opened, batchSize, line -> {
        err.println("upshift: " + line);
        err.flush();
      });
      Importer.Imported imported;
      try {
        imported = importer.run(found, data, correct ? IngestMode.CORRECT : IngestMode.STRICT);
      } catch (Importer.Refused e) {
        UpshiftCommand.printErrors(err, e.errors(), e.count(), (e.count() == 1 ? " error" : " errors")
            + " against the workspace's stored records; the kinds listed above as loaded are"
            + " stored, nothing of this one");
        return ExitCode.INPUT;
      } catch (dev.upshift.input.InputException e) {
        UpshiftCommand.printErrors(err, e.errors(), e.totalErrors(),
            (e.totalErrors() == 1 ? " error" : " errors") + " in the input; nothing was stored");
        return ExitCode.of(e);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      err.println(String.format(Locale.ROOT, "upshift: imported into %s in %.1f s; data version %d",
          workspace, (System.nanoTime() - began) / 1e9, imported.dataVersion()));
      err.flush();
    }
    return ExitCode.OK;
  }

  /**
   * The store keeps records in the §1 form, so an import reads the files as they are. A project
   * file that renames files or columns, drops columns or reads end dates as inclusive would be
   * ignored here; refusing says so rather than storing something other than what {@code report}
   * reads from the same folder. (Its {@code report:} defaults do not concern an import.)
   */
  private void refuseReadingRules() {
    ProjectFile project;
    try {
      project = ProjectFile.in(data);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (project == null) {
      return;
    }
    List<String> rules = new ArrayList<>();
    if (!project.files().isEmpty()) {
      rules.add("files");
    }
    if (!project.map().isEmpty()) {
      rules.add("map");
    }
    if (!project.ignoreColumns().isEmpty()) {
      rules.add("ignore_columns");
    }
    if (project.endDates() != null && !project.endDates().equals("exclusive")) {
      rules.add("end_dates");
    }
    if (!rules.isEmpty()) {
      throw new ParameterException(spec.commandLine(), project.path() + " sets "
          + String.join(", ", rules) + ", which import does not apply: it stores files with the"
          + " SPEC §1 names, columns and exclusive end dates as they are. Bring the files to that"
          + " form first, then import");
    }
  }
}
