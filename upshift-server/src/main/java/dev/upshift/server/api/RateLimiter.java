package dev.upshift.server.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (SPEC §8.3: "too many requests for a key → 429 with Retry-After"): each
 * key may make {@code burst} requests at once and {@code perSecond} a second after that. Buckets
 * live in memory, per process. Thread-safe.
 */
final class RateLimiter {
  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** A key's tokens, refilled lazily. */
  private static final class Bucket {
    double tokens;
    long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }
  }

  /**
   * @param perSecond the sustained rate, > 0
   * @param burst the requests a key may make at once, ≥ 1
   * @param nanoTime the clock ({@code System::nanoTime})
   */
  RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
    if (!(perSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("rate limit needs perSecond > 0 and burst >= 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes a token for {@code key}.
   *
   * @return 0 when the request may go ahead, else the whole seconds until a token is free (≥ 1)
   */
  long acquire(String key) {
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      double elapsed = (now - bucket.refilledAt) / 1e9;
      bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
      bucket.refilledAt = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
    }
  }
}
