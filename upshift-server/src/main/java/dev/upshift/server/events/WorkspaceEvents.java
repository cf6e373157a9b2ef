package dev.upshift.server.events;

import static java.util.Objects.requireNonNull;

import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The latest data version of each workspace that someone listens to, and the listeners waiting
 * for a newer one. Writers in this process {@link #changed announce} a version once their change
 * is committed; a periodic look at the store's version of every listened-to workspace catches
 * writers in other processes ({@code upshift import}). {@link #close()} wakes every listener for
 * good, so that a graceful stop does not wait for open streams. Thread-safe.
 *
 * <p>One monitor guards everything: listeners are a few dashboards and scripts, and a change wakes
 * all of them to compare versions, which costs nothing next to the report they then ask for.
 */
public final class WorkspaceEvents implements AutoCloseable {
  private final Store store;
  /** Workspace id → the highest version announced (or read) so far. */
  private final Map<Long, Long> latest = new HashMap<>();
  /** Workspace id → its workspace and how many listen to it (what the periodic look reads). */
  private final Map<Long, Listened> listened = new HashMap<>();
  private final ScheduledExecutorService poller;
  private boolean closed;

  private static final class Listened {
    final Workspace workspace;
    int listeners;

    Listened(Workspace workspace) {
      this.workspace = workspace;
    }
  }

  /**
   * @param store where versions are read on {@link #listen} and by the periodic look
   * @param pollEvery how often the store's version of listened-to workspaces is read; {@link
   *     Duration#ZERO} for never (then only announcements in this process are seen)
   */
  public WorkspaceEvents(Store store, Duration pollEvery) {
    this.store = requireNonNull(store, "store is null");
    if (pollEvery.isZero()) {
      this.poller = null;
    } else {
      this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "upshift-data-version-poller");
        thread.setDaemon(true);
        return thread;
      });
      long millis = pollEvery.toMillis();
      poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Told of a workspace's new data version once the change that made it is committed. */
  public void changed(long workspace, long dataVersion) {
    synchronized (this) {
      // Versions of workspaces nobody listens to are not kept: listen() reads its own.
      if (listened.containsKey(workspace)
          && latest.getOrDefault(workspace, -1L) < dataVersion) {
        latest.put(workspace, dataVersion);
        notifyAll();
      }
    }
  }

  /**
   * Starts listening to a workspace; the returned listener knows its current version. Close it
   * when done.
   */
  public Listener listen(Workspace workspace) {
    synchronized (this) {
      listened.computeIfAbsent(workspace.id(), id -> new Listened(workspace)).listeners++;
    }
    Listener listener = new Listener(workspace);
    try {
      // Read after registering, so a change committed meanwhile is seen by the poll or announced.
      changed(workspace.id(), store.dataVersion(workspace));
    } catch (RuntimeException e) {
      listener.close();
      throw e;
    }
    return listener;
  }

  /** One listener of one workspace's versions. */
  public final class Listener implements AutoCloseable {
    private final Workspace workspace;
    private boolean open = true;

    private Listener(Workspace workspace) {
      this.workspace = workspace;
    }

    /** The workspace's latest known version. */
    public long current() {
      synchronized (WorkspaceEvents.this) {
        return latest.getOrDefault(workspace.id(), 0L);
      }
    }

    /**
     * Waits until the workspace has a version above {@code known}, the wait is over, or the
     * events are closed.
     *
     * @return the latest version (equal to {@code known} when nothing changed)
     */
    public long await(long known, Duration wait) throws InterruptedException {
      long deadline = System.nanoTime() + wait.toNanos();
      synchronized (WorkspaceEvents.this) {
        while (!closed && current() <= known) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          TimeUnit.NANOSECONDS.timedWait(WorkspaceEvents.this, left);
        }
        return current();
      }
    }

    /** Whether the events were closed (the server is stopping): the stream should end. */
    public boolean ended() {
      synchronized (WorkspaceEvents.this) {
        return closed;
      }
    }

    @Override
    public void close() {
      synchronized (WorkspaceEvents.this) {
        if (!open) {
          return;
        }
        open = false;
        Listened entry = listened.get(workspace.id());
        if (entry != null && --entry.listeners == 0) {
          listened.remove(workspace.id());
          latest.remove(workspace.id());
        }
      }
    }
  }

  /** Reads the version of every listened-to workspace: what another process changed. */
  private void poll() {
    List<Workspace> workspaces;
    synchronized (this) {
      if (closed) {
        return;
      }
      workspaces = listened.values().stream().map(entry -> entry.workspace).toList();
    }
    for (Workspace workspace : workspaces) {
      try {
        changed(workspace.id(), store.dataVersion(workspace));
      } catch (RuntimeException e) {
        // The store is briefly unavailable: the next look tries again; listeners lose nothing.
      }
    }
  }

  /** Wakes every listener for good and stops the periodic look. Calling it again does nothing. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    if (poller != null) {
      poller.shutdownNow();
    }
  }
}
