package dev.upshift.cli;

import dev.upshift.store.KeyScope;
import dev.upshift.store.NewKey;
import dev.upshift.store.Store;
import dev.upshift.store.StoreException;
import dev.upshift.store.Workspace;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code upshift workspace create NAME}: a new workspace, and its first (admin) key. */
@Command(name = "workspace", mixinStandardHelpOptions = true,
    description = "Manage workspaces of the store (may run while the server runs).",
    subcommands = {WorkspaceCommand.Create.class, CommandLine.HelpCommand.class})
final class WorkspaceCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: create");
  }

  /** {@code workspace create}. */
  @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Create a workspace and print its admin key, alone, on standard output (shown once).")
  static final class Create implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "1-128 letters, digits, '.', '_' or '-'.")
    String name;

    @Mixin
    StoreSelection store;

    @Override
    public Integer call() {
      Map<String, String> env = System.getenv();
      try (Store opened = store.open(env)) {
        Workspace workspace;
        try {
          workspace = opened.createWorkspace(name);
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (StoreException e) {
          if (e.code() != StoreException.Code.WORKSPACE_EXISTS) {
            throw e;
          }
          throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        NewKey key = opened.createKey(workspace, KeyScope.ADMIN, "admin");
        spec.commandLine().getOut().println(key.secret());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("upshift: created workspace " + name + " in "
            + store.describe(env) + "; its admin key went to standard output and is not shown"
            + " again (the store keeps only its hash)");
        spec.commandLine().getErr().flush();
      }
      return ExitCode.OK;
    }
  }
}
