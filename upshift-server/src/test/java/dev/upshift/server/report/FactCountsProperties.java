package dev.upshift.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.DataFacts;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseTable;
import dev.upshift.input.PlanCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link FactCounts} against {@link DataFacts#of(PhaseTable, PlanCatalog)}: after tables are
 * counted in and some counted out again, the facts are those of the tables still in — the top
 * tiers (explicit, or from the catalog for a plan without a tier) and the first and last days
 * given back when the phase that held them leaves.
 */
class FactCountsProperties {
  private static final PlanCatalog CATALOG =
      PlanCatalog.of(Map.of("core", Map.of("gold", 3, "silver", 2)));

  @Property(tries = 200)
  void countsInAndOut_giveTheFactsOfWhatIsLeft(@ForAll @LongRange(max = 1_000_000) long seed) {
    Random random = new Random(seed);
    List<PhaseTable> tables = new ArrayList<>();
    for (int t = 0; t < 1 + random.nextInt(5); t++) {
      tables.add(table(random, "C" + t));
    }
    FactCounts counts = new FactCounts(CATALOG);
    tables.forEach(table -> counts.add(table, 1));
    List<Phase> left = new ArrayList<>();
    for (PhaseTable table : tables) {
      if (random.nextBoolean()) {
        counts.add(table, -1);
      } else {
        left.addAll(table.asList());
      }
    }

    assertThat(counts.facts()).isEqualTo(DataFacts.of(PhaseTable.of(left), CATALOG));
  }

  private static PhaseTable table(Random random, String customer) {
    List<Phase> phases = new ArrayList<>();
    for (int p = 0; p < 1 + random.nextInt(4); p++) {
      LocalDate start = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900));
      Phase.Builder phase = Phase.builder(customer).lineId("L" + p)
          .product(random.nextBoolean() ? "core" : "addon").seats(1).arr("1200").from(start);
      if (random.nextBoolean()) {
        phase.until(start.plusDays(1 + random.nextInt(400)));
      }
      switch (random.nextInt(3)) {
        case 0 -> phase.tier(1 + random.nextInt(5));
        case 1 -> phase.plan(random.nextBoolean() ? "gold" : "bronze");
        default -> phase.noTier();
      }
      phases.add(phase.build());
    }
    return PhaseTable.of(phases);
  }
}
