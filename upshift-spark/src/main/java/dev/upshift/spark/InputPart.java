package dev.upshift.spark;

import dev.upshift.input.PhaseTable;
import java.io.Serializable;

/**
 * What the input pass leaves of a partition: the line phases each chunk of customers kept after
 * every check (as the engine's table), then the partition's {@link InputFacts}. Exactly one of the
 * two is set. Spark keeps the parts (in memory, else on local disk) so that the customer pass
 * neither reads the shuffle again nor parses a cell twice. Immutable and serialisable.
 */
record InputPart(PhaseTable phases, InputFacts facts) implements Serializable {
  InputPart {
    if ((phases == null) == (facts == null)) {
      throw new IllegalArgumentException("a part holds phases or facts");
    }
  }
}
