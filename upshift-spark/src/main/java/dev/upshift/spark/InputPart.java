package dev.upshift.spark;

import java.io.Serializable;

/**
 * What the input pass leaves of a partition: one {@link KeptPhases} per chunk of customers, then
 * the partition's {@link InputFacts}. Exactly one of the two is set. Immutable and serialisable.
 */
record InputPart(KeptPhases phases, InputFacts facts) implements Serializable {
  InputPart {
    if ((phases == null) == (facts == null)) {
      throw new IllegalArgumentException("a part holds phases or facts");
    }
  }
}
