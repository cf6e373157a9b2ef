package dev.upshift.server.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A small least-recently-used cache of values computed once: callers asking for a key being
 * computed wait for that computation instead of starting their own, and a failed computation is
 * forgotten so the next caller tries again. Thread-safe.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class LruCache<K, V> {
  private final int capacity;
  private final LinkedHashMap<K, CompletableFuture<V>> entries;
  private long hits;
  private long misses;

  LruCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity < 1: " + capacity);
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<V>> eldest) {
        return size() > LruCache.this.capacity;
      }
    };
  }

  /**
   * The value of {@code key}, computed by {@code compute} on the calling thread when absent.
   *
   * @throws RuntimeException what {@code compute} threw
   */
  V get(K key, Supplier<V> compute) {
    CompletableFuture<V> future;
    boolean mine = false;
    synchronized (this) {
      future = entries.get(key);
      if (future == null) {
        future = new CompletableFuture<>();
        entries.put(key, future);
        mine = true;
        misses++;
      } else {
        hits++;
      }
    }
    if (mine) {
      try {
        future.complete(compute.get());
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
        synchronized (this) {
          entries.remove(key, future);
        }
        throw e;
      }
    }
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Forgets the entries whose key matches (callers waiting for one still get its value).
   */
  synchronized void removeIf(Predicate<K> dead) {
    entries.keySet().removeIf(dead);
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }
}
