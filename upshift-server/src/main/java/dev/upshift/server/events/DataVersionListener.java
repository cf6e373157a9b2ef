package dev.upshift.server.events;

import dev.upshift.store.Workspace;

/** Told of a workspace's new data version once the change that made it is committed. */
@FunctionalInterface
public interface DataVersionListener {
  /** Nobody listens. */
  DataVersionListener NONE = (workspace, dataVersion) -> { };

  void changed(Workspace workspace, long dataVersion);
}
