package dev.upshift;

import dev.upshift.reference.EngineAgreement;
import dev.upshift.testing.RandomDatasets;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against the deliberately naive reference implementation of the test tree, on many
 * random datasets dense in edge cases, with random books, grains, fiscal years, rate
 * configurations, segments and filters: every figure of every period and segment must agree.
 */
class DifferentialTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 400);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void engineAgreesWithNaiveReference(long seed) {
    EngineAgreement.computeBoth(RandomDatasets.dataset(seed), RandomDatasets.options(seed));
  }
}
