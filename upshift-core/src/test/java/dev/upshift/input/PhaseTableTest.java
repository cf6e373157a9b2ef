package dev.upshift.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PhaseTableTest {
  private static final LocalDate JAN = LocalDate.of(2025, 1, 1);

  @Test
  void concatJoinsPartsWithOneDictionaryInOrderOfFirstAppearance() {
    PhaseTable first = PhaseTable.of(List.of(phase("b", "seats", 1), phase("a", "seats", 2)));
    PhaseTable second = PhaseTable.of(List.of(phase("a", "api", 3), phase("c", "seats", 4)));

    PhaseTable joined = PhaseTable.concat(List.of(first, second), new int[] {0, 100});

    assertThat(joined.size()).isEqualTo(4);
    assertThat(IntStream.range(0, joined.customerCount()).mapToObj(joined::customerId))
        .containsExactly("b", "a", "c");
    assertThat(joined.customerOf(2)).isEqualTo(joined.customerOf(1));
    assertThat(joined.productName(joined.productOf(2))).isEqualTo("api");
    assertThat(IntStream.range(0, 4).map(joined::sourceLineOf)).containsExactly(1, 2, 103, 104);
  }

  @Test
  void aSerialisedTableReadsBackWithTheSameRowsAndGrouping() throws Exception {
    List<Phase> phases = List.of(
        Phase.builder("b").plan("Standard").tier(1).seats(3).arr("1200").from("2025-01-01")
            .until("2025-06-01").build(),
        Phase.builder("a").product("addon").seats(0).arr("300").from("2025-02-01").build(),
        Phase.builder("b").plan("Premium").tier(2).seats(3).arr("2400").from("2025-06-01").build());
    PhaseTable table = PhaseTable.of(phases);
    table.byCustomer(); // the grouping is worked out again, not carried

    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(table);
    }
    PhaseTable copy;
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (PhaseTable) in.readObject();
    }

    assertThat(copy.asList()).isEqualTo(table.asList());
    assertThat(copy.customerCount()).isEqualTo(2);
    assertThat(copy.byCustomer().offsets()).containsExactly(table.byCustomer().offsets());
    assertThat(copy.byCustomer().rows()).containsExactly(table.byCustomer().rows());
  }

  @Test
  void partsWriteStraightIntoOneTableAsConcatWould() {
    PhaseTable.Parts parts = new PhaseTable.Parts(2, 2);
    // Filled out of order, as parallel workers may.
    parts.part(1).add(phase("a", "api", 3)).add(phase("c", "seats", 4));
    parts.part(0).add(phase("b", "seats", 1)).add(phase("a", "seats", 2));

    PhaseTable table = parts.build();

    assertThat(table.asList()).containsExactly(phase("b", "seats", 1), phase("a", "seats", 2),
        phase("a", "api", 3), phase("c", "seats", 4));
    assertThat(IntStream.range(0, table.customerCount()).mapToObj(table::customerId))
        .containsExactly("b", "a", "c");
    assertThat(table.customerOf(2)).isEqualTo(table.customerOf(1));
  }

  @Test
  void partsWithFewerRowsThanGivenCloseUp() {
    PhaseTable.Parts parts = new PhaseTable.Parts(3, 0, 2, 3);
    parts.part(0).add(phase("a", "seats", 1));
    parts.part(2).add(phase("b", "seats", 7)).add(phase("b", "api", 8));
    parts.part(3).add(phase("c", "seats", 9));

    PhaseTable table = parts.build();

    assertThat(table.asList()).containsExactly(phase("a", "seats", 1), phase("b", "seats", 7),
        phase("b", "api", 8), phase("c", "seats", 9));
    assertThat(table.byCustomer().offsets()).containsExactly(0, 1, 3, 4);
  }

  @Test
  void aPartTakesNoMoreRowsThanItWasGiven() {
    PhaseTable.Parts parts = new PhaseTable.Parts(1, 1);
    PhaseTable.Builder first = parts.part(0).add(phase("a", "seats", 1));

    assertThatThrownBy(() -> first.add(phase("a", "seats", 2)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 rows is full");
    assertThatThrownBy(first::build).isInstanceOf(IllegalStateException.class);
  }

  /** However rows are cut into parts, both ways of joining them give the table of all rows. */
  @Property(tries = 200)
  void partsAndConcatGiveTheTableOfAllRows(@ForAll("phases") List<Phase> phases,
      @ForAll("cuts") List<Integer> cuts, @ForAll("slack") int slack) {
    List<List<Phase>> pieces = cut(phases, cuts);
    int[] room = pieces.stream().mapToInt(piece -> piece.size() + slack).toArray();
    PhaseTable.Parts parts = new PhaseTable.Parts(room);
    List<PhaseTable> tables = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      pieces.get(i).forEach(parts.part(i)::add);
      tables.add(PhaseTable.of(pieces.get(i)));
    }
    PhaseTable whole = PhaseTable.of(phases);

    for (PhaseTable joined : List.of(parts.build(), PhaseTable.concat(tables))) {
      assertThat(joined.asList()).containsExactlyElementsOf(phases);
      assertThat(joined.customerCount()).isEqualTo(whole.customerCount());
      for (int row = 0; row < phases.size(); row++) {
        assertThat(joined.customerOf(row)).isEqualTo(whole.customerOf(row));
        assertThat(joined.lineOf(row)).isEqualTo(whole.lineOf(row));
        assertThat(joined.productOf(row)).isEqualTo(whole.productOf(row));
        assertThat(joined.planOf(row)).isEqualTo(whole.planOf(row));
      }
    }
  }

  private static List<List<Phase>> cut(List<Phase> phases, List<Integer> cuts) {
    List<Integer> at = new ArrayList<>(cuts.stream().map(c -> c % (phases.size() + 1)).sorted()
        .toList());
    at.add(phases.size());
    List<List<Phase>> pieces = new ArrayList<>();
    int from = 0;
    for (int to : at) {
      pieces.add(phases.subList(from, to));
      from = to;
    }
    return pieces;
  }

  @Provide
  Arbitrary<List<Phase>> phases() {
    Arbitrary<String> customers = Arbitraries.of("a", "b", "c", "d", "e");
    Arbitrary<String> products = Arbitraries.of("seats", "api", "storage");
    Arbitrary<String> plans = Arbitraries.of("Starter", "Pro").injectNull(0.3);
    Arbitrary<Integer> days = Arbitraries.integers().between(0, 700);
    return Combinators.combine(customers, products, plans, days, Arbitraries.integers()
            .between(0, 50))
        .as((customer, product, plan, day, seats) -> new Phase(customer, product + "-line",
            product, plan, null, seats, seats * 1_000_000L, JAN.plusDays(day), null,
            JAN.plusDays(day), null, PhaseStatus.ACTIVE, PhaseKind.RECURRING, day + 2))
        .list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 1000).list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<Integer> slack() {
    return Arbitraries.of(0, 0, 1, 3);
  }

  private static Phase phase(String customer, String product, int line) {
    return new Phase(customer, product + "-line", product, "Pro", null, 3, 3_000_000L, JAN,
        null, JAN, null, PhaseStatus.ACTIVE, PhaseKind.RECURRING, line);
  }
}
