package dev.upshift.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Default option values from the {@link ProjectFile} of the {@code --data} folder, for every option
 * without per-option code: the input options ({@code --map}, {@code --ignore-columns}, {@code
 * --end-dates}) of every command that reads input, and the {@code report:} section for {@code
 * report}, whatever options it has. A flag on the command line wins over the file.
 *
 * <p>picocli asks for defaults while it parses, before {@code --data} is known, so the command line
 * looks for the folder in the arguments first ({@link #locate}).
 */
final class ProjectDefaults implements IDefaultValueProvider {
  /** Options the project file cannot set: they pick the file itself, or are not settings. */
  private static final List<String> NOT_FROM_FILE = List.of("data", "help", "version");

  private ProjectFile project;

  /** The project file in force, or {@code null}. */
  ProjectFile project() {
    return project;
  }

  /**
   * Finds the {@code --data} folder among the arguments and reads its project file, checking that
   * every {@code report:} key is an option of {@code report}.
   *
   * @throws IllegalArgumentException when the file cannot be read or names an unknown option
   */
  void locate(String[] args, CommandLine root) {
    project = null;
    Path folder = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data") && i + 1 < args.length) {
        folder = Path.of(args[i + 1]);
      } else if (args[i].startsWith("--data=")) {
        folder = Path.of(args[i].substring("--data=".length()));
      }
    }
    if (folder == null) {
      return;
    }
    ProjectFile found = ProjectFile.in(folder);
    if (found == null) {
      return;
    }
    CommandSpec report = root.getSubcommands().get("report").getCommandSpec();
    List<String> options = new ArrayList<>();
    report.options().forEach(option -> options.add(option.longestName().substring(2)));
    options.removeAll(NOT_FROM_FILE);
    for (String key : found.report().keySet()) {
      if (!options.contains(key)) {
        throw new IllegalArgumentException(found.path() + ": report: unknown option '" + key + "'"
            + dev.upshift.input.NearMatches.didYouMean(key, options)
            + "; keys are the long options of upshift report without the dashes");
      }
    }
    project = found;
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (project == null || !(argument instanceof OptionSpec option)) {
      return null;
    }
    String name = option.longestName().substring(2);
    switch (name) {
      case "map" -> {
        return project.map().isEmpty() ? null : String.join(",", project.map());
      }
      case "ignore-columns" -> {
        return project.ignoreColumns().isEmpty() ? null : String.join(",", project.ignoreColumns());
      }
      case "end-dates" -> {
        return project.endDates();
      }
      default -> {
        return commandOf(option).equals("report") ? project.report().get(name) : null;
      }
    }
  }

  /** The name of the subcommand an option belongs to (a mixin's options belong to its command). */
  private static String commandOf(OptionSpec option) {
    CommandSpec command = option.command();
    while (command.parent() != null && command.parent().parent() != null) {
      command = command.parent();
    }
    return command.name();
  }
}
