package dev.upshift.cli;

import dev.upshift.store.KeyScope;
import dev.upshift.store.NewKey;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code upshift key create}: a new key of a workspace, printed alone on standard output. */
@Command(name = "key", mixinStandardHelpOptions = true,
    description = "Manage API keys (may run while the server runs).",
    subcommands = {KeyCommand.Create.class, CommandLine.HelpCommand.class})
final class KeyCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: create");
  }

  /** {@code key create}. */
  @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Create a key and print it, alone, on standard output (shown once; the store keeps its hash).")
  static final class Create implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", required = true, paramLabel = "NAME", description = "The workspace.")
    String workspace;

    @Option(names = "--scope", required = true, paramLabel = "read|write|admin",
        description = "read: reports, ledger, explain, listings; write: also ingestion and deletion;"
            + " admin: also keys.")
    String scope;

    @Option(names = "--name", paramLabel = "LABEL", description = "A label for people (e.g. the client's name).")
    String name;

    @Mixin
    StoreSelection store;

    @Override
    public Integer call() {
      KeyScope keyScope = KeyScope.fromWireName(scope.strip().toLowerCase(java.util.Locale.ROOT))
          .orElseThrow(() -> new ParameterException(spec.commandLine(),
              "Invalid value for option '--scope': '" + scope + "' is not read, write or admin"));
      Map<String, String> env = System.getenv();
      try (Store opened = store.open(env)) {
        Workspace found = opened.findWorkspace(workspace).orElseThrow(() -> new ParameterException(
            spec.commandLine(), "no workspace " + workspace + " in " + store.describe(env)));
        NewKey key;
        try {
          key = opened.createKey(found, keyScope, name);
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().println(key.secret());
        spec.commandLine().getOut().flush();
      }
      return ExitCode.OK;
    }
  }
}
