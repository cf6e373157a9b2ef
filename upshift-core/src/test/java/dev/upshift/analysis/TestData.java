package dev.upshift.analysis;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.HealthScores;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.input.Target;
import dev.upshift.money.Micros;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data that reads like the spec: each customer's subscription line as a sequence of states.
 *
 * <pre>{@code
 * TestData data = new TestData();
 * data.customer("A").from("2024-11-01").seats(10).arr(12_000)
 *     .change("2025-02-15").seats(12).arr(14_400)
 *     .change("2025-05-10").plan("Pro").tier(2).arr(20_000);
 * data.customer("B").from("2024-12-01").seats(5).arr(6_000).endOn("2025-04-01");
 * Dataset dataset = data.dataset();
 * }</pre>
 */
public final class TestData {
  private final List<Line> lines = new ArrayList<>();
  private final HealthScores.Builder health = HealthScores.builder();
  private final Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
  private final List<String> attributeNames = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();

  /** A customer's line of product {@code app}, plan {@code Standard}, tier 1. */
  public Line customer(String id) {
    return line(id, "app");
  }

  /** Another line of a customer (cross-sell). */
  public Line line(String id, String product) {
    Line line = new Line(id, product);
    lines.add(line);
    return line;
  }

  public TestData health(String id, String date, double score) {
    health.put(id, LocalDate.parse(date), score);
    return this;
  }

  public TestData attribute(String id, String name, String value) {
    if (!attributeNames.contains(name)) {
      attributeNames.add(name);
    }
    attributes.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(name, value);
    return this;
  }

  public TestData target(String period, String value) {
    targets.add(new Target("upsellRate", period, new BigDecimal(value), null));
    return this;
  }

  public Dataset dataset() {
    List<Phase> phases = new ArrayList<>();
    int[] counter = {2};
    for (Line line : lines) {
      line.phases(phases, counter);
    }
    return Dataset.builder().addAll(phases)
        .customers(CustomerAttributes.of(attributeNames, attributes))
        .health(health.build()).targets(targets).build();
  }

  /** One subscription line as consecutive states; each {@link #change} starts a new phase. */
  public static final class Line {
    private final String customerId;
    private final String product;
    private final List<State> states = new ArrayList<>();

    private Line(String customerId, String product) {
      this.customerId = customerId;
      this.product = product;
    }

    private static final class State {
      LocalDate start;
      String plan = "Standard";
      Integer tier = 1;
      int seats;
      long arrMicros;
      LocalDate stop; // explicit end, or null: the next state's start (or open-ended)
    }

    private State current() {
      if (states.isEmpty()) {
        throw new IllegalStateException("call from(date) first");
      }
      return states.get(states.size() - 1);
    }

    public Line from(String date) {
      State state = new State();
      state.start = LocalDate.parse(date);
      states.add(state);
      return this;
    }

    /** A new phase from {@code date}, starting as a copy of the current one. */
    public Line change(String date) {
      State previous = current();
      State state = new State();
      state.start = LocalDate.parse(date);
      state.plan = previous.plan;
      state.tier = previous.tier;
      state.seats = previous.seats;
      state.arrMicros = previous.arrMicros;
      states.add(state);
      return this;
    }

    public Line seats(int value) {
      current().seats = value;
      return this;
    }

    public Line arr(long units) {
      current().arrMicros = Micros.ofUnits(units);
      return this;
    }

    public Line arr(String decimal) {
      current().arrMicros = Micros.of(new BigDecimal(decimal));
      return this;
    }

    public Line plan(String value) {
      current().plan = value;
      return this;
    }

    public Line tier(Integer value) {
      current().tier = value;
      return this;
    }

    /** The first day no longer in force; a later {@link #from} starts the line again. */
    public Line endOn(String date) {
      current().stop = LocalDate.parse(date);
      return this;
    }

    /** Whether the line has ended (and not started again). */
    public boolean ended() {
      return !states.isEmpty() && current().stop != null;
    }

    void phases(List<Phase> out, int[] counter) {
      for (int i = 0; i < states.size(); i++) {
        State s = states.get(i);
        LocalDate stop = s.stop != null ? s.stop
            : i + 1 < states.size() ? states.get(i + 1).start : null;
        out.add(new Phase(customerId, product, product, s.plan, s.tier, s.seats, s.arrMicros,
            s.start, stop, s.start, stop, PhaseStatus.ACTIVE, PhaseKind.RECURRING, counter[0]++));
      }
    }
  }
}
