package dev.upshift.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A progress bar on standard error for long runs: reading, then computing. It appears only when
 * standard error is a terminal ({@code System.console() != null}) and the run has taken more than
 * two seconds, so pipes, files and CI logs never see it. Thread-safe: workers add progress from
 * any thread; a daemon thread redraws the line five times a second.
 */
final class ProgressBar implements AutoCloseable {
  private static final long DELAY_MS = 2_000;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final ScheduledExecutorService ticker;
  private final long began = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private volatile String stage = "";
  private volatile long total = 1;
  private volatile boolean drawn;

  private ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    if (enabled) {
      ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "upshift-progress");
        thread.setDaemon(true);
        return thread;
      });
      ticker.scheduleAtFixedRate(this::draw, DELAY_MS, 200, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  /** A bar on {@code err} when standard error is a terminal; otherwise one that prints nothing. */
  static ProgressBar onTerminal(PrintWriter err) {
    return new ProgressBar(err, System.console() != null);
  }

  /** Starts a stage of {@code units} units of work; the returned sink adds units done. */
  LongConsumer stage(String name, long units) {
    stage = name;
    total = Math.max(1, units);
    done.set(0);
    return done::addAndGet;
  }

  private synchronized void draw() {
    long fraction = Math.min(1000, done.get() * 1000 / total);
    int filled = (int) (fraction * WIDTH / 1000);
    String bar = "#".repeat(filled) + " ".repeat(WIDTH - filled);
    err.print(String.format(Locale.ROOT, "\rupshift: %-28s [%s] %3d%%  %4.0f s", stage, bar,
        fraction / 10, (System.nanoTime() - began) / 1e9));
    err.flush();
    drawn = true;
  }

  /** Stops redrawing and clears the line, so that what follows starts on a clean line. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (drawn) {
      err.print("\r" + " ".repeat(78) + "\r");
      err.flush();
    }
  }
}
