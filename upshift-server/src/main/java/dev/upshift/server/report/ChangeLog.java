package dev.upshift.server.report;

import dev.upshift.server.ingest.Ingestor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The recent data versions this process wrote, per workspace, as the {@link Ingestor} announced
 * them: what lets a live workspace go from the version it holds to the store's by reading only
 * the customers changed in between. A version written by another process (an {@code upshift
 * import}) is missing, and a path across it is unknown: the caller then loads in full. Keeps the
 * last {@value #KEPT} changes of each workspace. Thread-safe.
 */
final class ChangeLog implements Ingestor.ChangeListener {
  static final int KEPT = 1_024;

  private final Map<Long, ConcurrentSkipListMap<Long, Ingestor.Change>> byWorkspace =
      new ConcurrentHashMap<>();

  @Override
  public void changed(Ingestor.Change change) {
    ConcurrentSkipListMap<Long, Ingestor.Change> changes =
        byWorkspace.computeIfAbsent(change.workspace(), w -> new ConcurrentSkipListMap<>());
    changes.put(change.fromVersion(), change);
    while (changes.size() > KEPT) {
      changes.pollFirstEntry();
    }
  }

  /**
   * Every change from version {@code from} to version {@code to}, in order; {@code null} when one
   * of them was not announced here.
   */
  List<Ingestor.Change> between(long workspace, long from, long to) {
    ConcurrentSkipListMap<Long, Ingestor.Change> changes = byWorkspace.get(workspace);
    List<Ingestor.Change> path = new ArrayList<>();
    for (long version = from; version < to; version++) {
      Ingestor.Change change = changes == null ? null : changes.get(version);
      if (change == null) {
        return null;
      }
      path.add(change);
    }
    return path;
  }
}
