package dev.upshift.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LruCacheTest {
  @Test
  void removeIf_forgetsTheMatchingEntries_whichAreComputedAgainWhenAsked() {
    LruCache<Integer, String> cache = new LruCache<>(64);
    AtomicInteger computed = new AtomicInteger();
    for (int version = 1; version <= 3; version++) {
      int v = version;
      cache.get(v, () -> "report of version " + v + " #" + computed.incrementAndGet());
    }

    cache.removeIf(version -> version < 3);

    assertThat(cache.get(3, () -> "again")).isEqualTo("report of version 3 #3");
    assertThat(cache.get(1, () -> "version 1 again")).isEqualTo("version 1 again");
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(4);
  }
}
