package dev.upshift.metric;

import dev.upshift.input.HealthScores;
import dev.upshift.input.PhaseTable;
import dev.upshift.money.Micros;
import dev.upshift.movement.Component;
import dev.upshift.segment.Dimension;
import dev.upshift.segment.SegmentFacts;
import dev.upshift.state.Book;
import dev.upshift.time.Period;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The one place the rules of SPEC §2–§5 are computed: one customer's contribution to every
 * computed period, read straight from a {@link PhaseTable} into {@link MetricTotals}, on primitive
 * arrays reused from customer to customer. The report, the ledger, the analysis and explanations
 * all come from here (the differential tests hold it to the naive reference of the test tree), in
 * these steps:
 * <ol>
 *   <li>each line's step function in the book (§2.3): the days it changes and the row in force
 *       from each;
 *   <li>the row in force on each line at each month-end snapshot; snapshots where no line changed
 *       share a state;
 *   <li>per distinct state, each product's ARR, seats, tier and plan (§3.1);
 *   <li>the movement of each month and each period (§4) and the Upsell Rate, trailing and
 *       retention facts (§5).
 * </ol>
 * Money is {@code long} micro-units with exact arithmetic throughout; an overflow throws.
 *
 * <p>With an onboarding window (§5.5, {@code --rate-window}), two more states are read in step 2,
 * at the ends of the first active day f and of day e = f + N, and go through steps 3 and 4 like the
 * month ends; the movement between them decides the Upsell Rate of the period holding e. Without
 * a window none of this runs.
 *
 * <p>One instance per batch of customers: not thread-safe. It allocates only when a customer is
 * larger than any seen before (the scratch arrays grow), with segments for their facts and for a
 * segment cell's first row in a period, and for the rows a {@link RowSink} asks for.
 */
final class CustomerKernel {
  private static final int NO_ROW = -1;
  private static final int NO_STATE = -1;
  private static final int NONE = PhaseTable.NONE;
  private static final int UPSELL = Component.UPSELL.ordinal();
  private static final int COMPONENTS = Component.count();

  private final PhaseTable table;
  private final int[] rowTier;
  private final int[] productTop;
  private final int[] lineRank;
  private final int[] productRank;
  private final Book book;
  private final UpsellRule rule;
  private final RateCounting counting;
  private final int[] days;
  /** The day each snapshot reads (§2.4 opening balance: never before its first day). */
  private final ReportPlan plan;
  private final LocalDate[] monthStart;
  private final int periodCount;
  private final int[] open;
  private final int[] close;
  private final int[] quarterStart;
  private final int[] twelveMonthsAgo;
  private final LocalDate[] periodStart;
  private final LocalDate[] periodEnd;
  /** The onboarding window's length in days (§5.5 window), 0 when the rate is per period. */
  private final int windowDays;
  private final int[] periodStartDay;
  private final int[] periodEndDay;
  private final boolean needsFacts;
  private final Dimension whereDimension;
  /** The where dimension's value by customer when it is static, else {@code null}. */
  private final String[] staticWhereValues;
  private final String whereValue;
  /** Each customer's health scores, when a dimension reads them, else {@code null}. */
  private final HealthScores.Series[] health;

  // Scratch, grown as needed.
  private int[] rows = new int[64];
  private int lineCount;
  private int[] lines = new int[16]; // line index per local line, by line id
  private int[] lineStepStart = new int[17];
  private int[] stepDay = new int[128];
  private int[] stepRow = new int[128];
  private int[] cursor = new int[16];
  private long[] events = new long[64];
  private int[] eventRow = new int[64];
  private int[] eventEffective = new int[64];
  private int[] eventOrder = new int[64];
  private int[] sortBuffer = new int[64];
  private int productCount;
  private int[] products = new int[8]; // product index per local product, by name
  private int stateCount;
  private final int[] stateOf;
  private int[] stateLineRow = new int[256];
  private long[] productArr = new long[256];
  private long[] productSeats = new long[256];
  private int[] productTier = new int[256];
  private int[] productPlan = new int[256];
  private long[] stateArr = new long[32];
  private long[] stateSeats = new long[32];
  private int firstActiveDay;
  private long initialArrMicros;
  // Monthly movements, indexed by the snapshot of the month's end.
  private final byte[] monthStatus;
  private final long[] monthComponents;
  private final long[] monthRamp;
  private final int[] monthInferred;
  private final boolean[] monthUpsellUser;
  /** Months 1..k in which the customer was an Upsell User. */
  private final int[] upsellUserMonths;
  private final boolean[] monthEligible;
  private final long[] monthQualifying;
  // With a window: the customer's states at the ends of days f and e = f + N (NO_STATE when never
  // active), the computed period holding e (-1 when none does), eligibility and qualifying ARR.
  private int windowStartState = NO_STATE;
  private int windowEndState = NO_STATE;
  private int windowPeriod = -1;
  private boolean windowEligible;
  private long windowQualifying = -1;
  private final KernelRow row = new KernelRow();
  // Segments: the --by dimensions, the values of the static ones by customer (null for those that
  // vary by period), the totals by combination of values (null without --by) and the current
  // row's values.
  private final Dimension[] byDimension;
  private final String[][] staticValues;
  private final SegmentCells cells;
  private final String[] values;

  CustomerKernel(TableFacts facts, Book book, ReportPlan plan, UpsellRule rule,
      RateCounting counting, List<Dimension> dimensions, Dimension whereDimension,
      String whereValue, MetricEngine.PeriodIndexes[] periods) {
    this.health = facts.health();
    this.table = facts.table();
    this.rowTier = facts.rowTier();
    this.productTop = facts.productTop();
    this.lineRank = facts.lineRank();
    this.productRank = facts.productRank();
    this.staticValues = facts.staticValues();
    this.staticWhereValues = facts.staticWhereValues();
    this.book = book;
    this.rule = rule;
    this.counting = counting;
    this.days = plan.snapshotDays();
    this.plan = plan;
    int n = days.length;
    this.monthStart = new LocalDate[n];
    for (int k = 0; k < n; k++) {
      monthStart[k] = plan.monthOf(k).atDay(1);
    }
    this.periodCount = periods.length;
    this.open = new int[periodCount];
    this.close = new int[periodCount];
    this.quarterStart = new int[periodCount];
    this.twelveMonthsAgo = new int[periodCount];
    this.periodStart = new LocalDate[periodCount];
    this.periodEnd = new LocalDate[periodCount];
    this.windowDays = rule.windowDays();
    this.periodStartDay = new int[periodCount];
    this.periodEndDay = new int[periodCount];
    for (int i = 0; i < periodCount; i++) {
      open[i] = periods[i].open();
      close[i] = periods[i].close();
      quarterStart[i] = periods[i].quarterStart();
      twelveMonthsAgo[i] = periods[i].twelveMonthsAgo();
      Period p = periods[i].period();
      periodStart[i] = p.start();
      periodEnd[i] = p.end();
      periodStartDay[i] = Math.toIntExact(p.start().toEpochDay());
      periodEndDay[i] = Math.toIntExact(p.end().toEpochDay());
    }
    this.whereDimension = whereDimension;
    this.whereValue = whereValue;
    this.needsFacts = !dimensions.isEmpty() || whereDimension != null;
    this.byDimension = dimensions.toArray(Dimension[]::new);
    this.cells = dimensions.isEmpty() ? null
        : new SegmentCells(dimensions.stream().map(Dimension::name).toList(), periodCount);
    this.values = new String[dimensions.size()];
    this.stateOf = new int[n];
    this.monthStatus = new byte[n];
    this.monthComponents = new long[n * COMPONENTS];
    this.monthRamp = new long[n];
    this.monthInferred = new int[n];
    this.monthUpsellUser = new boolean[n];
    this.upsellUserMonths = new int[n];
    this.monthEligible = new boolean[n];
    this.monthQualifying = new long[n];
  }

  /**
   * Adds one customer to the totals, passing {@code sink} each row it adds (every period with a
   * figure, index 0 included), in period order. With segments the kernel holds its rows back by
   * segment cell ({@link SegmentCells}): call {@link #finish} with the same totals after the last
   * customer.
   *
   * @param groupRows the table's rows grouped by customer ({@link PhaseTable.Grouping#rows()})
   * @param from the first of the customer's rows there
   * @param to one past the last
   * @param sink the rows' receiver, or {@code null}
   */
  void evaluate(int customer, int[] groupRows, int from, int to, MetricTotals totals,
      RowSink sink) {
    prepare(groupRows, from, to);
    String customerId = table.customerId(customer);
    LocalDate firstActive = null;
    HealthScores.Series scores = null;
    if (needsFacts) {
      initialArrMicros = initialArr();
      firstActive = SegmentFacts.firstActiveDate(firstActiveDay);
      scores = health == null ? null : health[customer];
    }
    for (int i = 0; i < periodCount; i++) {
      period(i);
      if (!row.contributes()) {
        continue;
      }
      SegmentFacts facts = null;
      if (needsFacts) {
        int s0 = stateOf[open[i]];
        facts = stateArr[s0] > 0
            ? new SegmentFacts(firstActive, initialArrMicros, planOfLargestProduct(s0),
                periodStart[i], scores)
            : new SegmentFacts(firstActive, initialArrMicros,
                planOfLargestProduct(stateOf[close[i]]), periodEnd[i], scores);
        if (whereDimension != null
            && !whereValueOf(customer, customerId, facts).equals(whereValue)) {
          continue;
        }
      }
      if (sink != null && sink.wants(i, row.inLedger())) {
        sink.accept(row.toCustomerPeriod(customerId, i, firstActiveDay));
      }
      if (cells == null) {
        totals.addOverall(i, row);
        continue;
      }
      for (int d = 0; d < values.length; d++) {
        values[d] = staticValues[d] != null ? staticValues[d][customer]
            : byDimension[d].valueOf(customerId, facts);
      }
      cells.totalsOf(values, i).add(row);
      if (cells.isFull()) {
        cells.addTo(totals);
      }
    }
  }

  private String whereValueOf(int customer, String customerId, SegmentFacts facts) {
    return staticWhereValues != null ? staticWhereValues[customer]
        : whereDimension.valueOf(customerId, facts);
  }

  /**
   * Adds what the kernel holds back, the segment totals by cell, to {@code totals}: once, after
   * the last customer evaluated into them.
   */
  void finish(MetricTotals totals) {
    if (cells != null) {
      cells.addTo(totals);
    }
  }

  /** Steps 1 to 4 for one customer's rows {@code groupRows[from..to)}: everything but the periods. */
  private void prepare(int[] groupRows, int from, int to) {
    int count = to - from;
    if (rows.length < count) {
      rows = new int[Math.max(count, rows.length * 2)];
    }
    System.arraycopy(groupRows, from, rows, 0, count);
    buildLines(count);
    buildSnapshots();
    if (windowDays > 0) {
      addWindowStates();
    }
    buildProductStates();
    monthly();
    if (windowDays > 0) {
      measureWindow();
    }
  }

  // ---- Explanations ---------------------------------------------------------------------------

  /**
   * One customer's row of every computed period, whatever its segment and whether or not it has a
   * figure there: what an explanation shows. Adds nothing to any totals.
   */
  void explain(int customer, int[] groupRows, int from, int to, RowSink sink) {
    prepare(groupRows, from, to);
    String customerId = table.customerId(customer);
    for (int i = 0; i < periodCount; i++) {
      period(i);
      sink.accept(row.toCustomerPeriod(customerId, i, firstActiveDay));
    }
  }

  /**
   * After {@link #evaluate}: the billable row in force on each of the customer's lines at snapshot
   * {@code k} ({@link ReportPlan#indexOf}), {@code NO_ROW} (-1) where none is, lines in line-id
   * order.
   */
  int[] billableRowsAt(int k) {
    return billableRowsOf(stateOf[k]);
  }

  private int[] billableRowsOf(int state) {
    int[] result = new int[lineCount];
    int base = state * lineCount;
    for (int l = 0; l < lineCount; l++) {
      int r = stateLineRow[base + l];
      result[l] = r != NO_ROW && table.billable(r) ? r : NO_ROW;
    }
    return result;
  }

  /**
   * After {@link #explain} with a window (§5.5): the customer's window as a row, its movement from
   * the snapshot at f to the one at e with the window's eligibility and upsold facts, its period
   * index that of the computed period holding e (-1 when none does); {@code null} without a window
   * or when the customer was never active.
   */
  CustomerPeriod windowRow(String customerId) {
    if (windowStartState == NO_STATE) {
      return null;
    }
    classify(windowStartState, windowEndState, true);
    row.eligible = windowEligible;
    row.upsold = windowEligible && windowQualifying >= 0;
    row.upsoldArr = row.upsold ? windowQualifying : 0;
    row.qtdEligible = false;
    row.qtdUpsold = false;
    row.upsellUserT3 = false;
    row.upsellUserT12 = false;
    row.arr12MonthsAgo = 0;
    return row.toCustomerPeriod(customerId, windowPeriod, firstActiveDay);
  }

  /** After {@link #windowRow}: the billable row on each line at f and at e (as at a snapshot). */
  int[][] windowBillableRows() {
    return new int[][] {billableRowsOf(windowStartState), billableRowsOf(windowEndState)};
  }

  /** After {@link #evaluate}: {@code first_active_date} as an epoch day, MAX_VALUE when never. */
  int firstActiveDay() {
    return firstActiveDay;
  }

  /** After {@link #evaluate}: {@code initial_arr} in micro-units, 0 when never active. */
  long initialArr() {
    return firstActiveDay == Integer.MAX_VALUE ? 0 : arrOnDay(firstActiveDay);
  }

  // ---- 1. Lines and their step functions ------------------------------------------------------

  /** Groups the rows by line (sorted by line id) and builds each line's steps in the book. */
  private void buildLines(int count) {
    // By (line id, start); stable, so input order breaks ties as List.sort would.
    sortRows(0, count);
    lineCount = 0;
    productCount = 0;
    int steps = 0;
    ensureSteps(count * 2 + 2);
    firstActiveDay = Integer.MAX_VALUE;
    int i = 0;
    while (i < count) {
      int lineIndex = table.lineOf(rows[i]);
      int j = i;
      while (j < count && table.lineOf(rows[j]) == lineIndex) {
        addProduct(table.productOf(rows[j]));
        j++;
      }
      if (lineCount == lines.length) {
        lines = Arrays.copyOf(lines, lineCount * 2);
        lineStepStart = Arrays.copyOf(lineStepStart, lineCount * 2 + 1);
        cursor = Arrays.copyOf(cursor, lineCount * 2);
      }
      lines[lineCount] = lineIndex;
      lineStepStart[lineCount] = steps;
      steps = book == Book.LIVE ? live(i, j, steps) : contracted(i, j, steps);
      for (int s = lineStepStart[lineCount]; s < steps; s++) {
        if (stepRow[s] != NO_ROW && table.billable(stepRow[s])) {
          firstActiveDay = Math.min(firstActiveDay, stepDay[s]);
          break;
        }
      }
      lineCount++;
      i = j;
    }
    lineStepStart[lineCount] = steps;
  }

  /** A stable merge sort of {@code rows[from..to)} by line id, then start. */
  private void sortRows(int from, int to) {
    if (to - from <= 24) {
      for (int i = from + 1; i < to; i++) {
        int r = rows[i];
        int j = i - 1;
        while (j >= from && compareLineThenStart(rows[j], r) > 0) {
          rows[j + 1] = rows[j];
          j--;
        }
        rows[j + 1] = r;
      }
      return;
    }
    int middle = (from + to) >>> 1;
    sortRows(from, middle);
    sortRows(middle, to);
    if (compareLineThenStart(rows[middle - 1], rows[middle]) <= 0) {
      return;
    }
    if (sortBuffer.length < to - from) {
      sortBuffer = new int[Math.max(to - from, sortBuffer.length * 2)];
    }
    System.arraycopy(rows, from, sortBuffer, 0, middle - from);
    int i = 0;
    int iEnd = middle - from;
    int j = middle;
    int k = from;
    while (i < iEnd && j < to) {
      rows[k++] = compareLineThenStart(rows[j], sortBuffer[i]) < 0 ? rows[j++] : sortBuffer[i++];
    }
    while (i < iEnd) {
      rows[k++] = sortBuffer[i++];
    }
  }

  private int compareLineThenStart(int a, int b) {
    int byLine = Integer.compare(lineRank[table.lineOf(a)], lineRank[table.lineOf(b)]);
    return byLine != 0 ? byLine : Integer.compare(table.startOf(a), table.startOf(b));
  }

  private void addProduct(int product) {
    int rank = productRank[product];
    int at = productCount;
    for (int p = 0; p < productCount; p++) {
      if (products[p] == product) {
        return;
      }
      if (productRank[products[p]] > rank) {
        at = Math.min(at, p);
      }
    }
    if (productCount == products.length) {
      products = Arrays.copyOf(products, productCount * 2);
    }
    System.arraycopy(products, at, products, at + 1, productCount - at);
    products[at] = product;
    productCount++;
  }

  private void ensureSteps(int needed) {
    if (stepDay.length < needed + 2) {
      int size = Math.max(needed + 2, stepDay.length * 2);
      stepDay = Arrays.copyOf(stepDay, size);
      stepRow = Arrays.copyOf(stepRow, size);
    }
  }

  /**
   * Live book: a phase is in force from its start to its end, or to the next phase's start when
   * open-ended. Rows {@code rows[from..to)} are one line's, by start.
   */
  private int live(int from, int to, int steps) {
    int first = steps;
    for (int i = from; i < to; i++) {
      int r = rows[i];
      steps = addStep(first, steps, table.startOf(r), r);
      int end = table.endOf(r);
      boolean followedAtEnd = i + 1 < to && end != NONE && table.startOf(rows[i + 1]) == end;
      if (end != NONE && !followedAtEnd) {
        steps = addStep(first, steps, end, NO_ROW);
      }
    }
    return steps;
  }

  /**
   * Contracted book: on each signing day the line takes the phase or ending with the latest
   * effective date among those signed so far (ties: latest signed, then latest in input order).
   */
  private int contracted(int from, int to, int steps) {
    int count = 0;
    if (events.length < (to - from) * 2) {
      int size = (to - from) * 2;
      events = new long[size];
      eventRow = new int[size];
      eventEffective = new int[size];
      eventOrder = new int[size];
    }
    int[] effective = eventEffective;
    int[] order = eventOrder;
    for (int i = from; i < to; i++) {
      int r = rows[i];
      events[count] = table.signedOf(r);
      effective[count] = table.startOf(r);
      order[count] = table.sourceLineOf(r);
      eventRow[count++] = r;
      int end = table.endOf(r);
      boolean boundary = i + 1 < to && end != NONE && table.startOf(rows[i + 1]) == end;
      if (end != NONE && !boundary) {
        events[count] = table.cancelSignedOf(r);
        effective[count] = end;
        order[count] = table.sourceLineOf(r);
        eventRow[count++] = NO_ROW;
      }
    }
    // Stable sort by signing day (insertion sort: a line has few events).
    for (int i = 1; i < count; i++) {
      long signed = events[i];
      int eff = effective[i];
      int ord = order[i];
      int er = eventRow[i];
      int j = i - 1;
      while (j >= 0 && events[j] > signed) {
        events[j + 1] = events[j];
        effective[j + 1] = effective[j];
        order[j + 1] = order[j];
        eventRow[j + 1] = eventRow[j];
        j--;
      }
      events[j + 1] = signed;
      effective[j + 1] = eff;
      order[j + 1] = ord;
      eventRow[j + 1] = er;
    }
    int first = steps;
    int best = -1;
    for (int i = 0; i < count; i++) {
      if (best < 0 || precedes(best, i, effective, order)) {
        best = i;
      }
      boolean lastOfDay = i + 1 == count || events[i + 1] != events[i];
      if (lastOfDay) {
        steps = addStep(first, steps, (int) events[i], eventRow[best]);
      }
    }
    return steps;
  }

  /** Whether event {@code b} takes precedence over event {@code a}. */
  private boolean precedes(int a, int b, int[] effective, int[] order) {
    if (effective[b] != effective[a]) {
      return effective[b] > effective[a];
    }
    if (events[b] != events[a]) {
      return events[b] > events[a];
    }
    return order[b] > order[a];
  }

  /** Adds a step to a line's step function, merged into the previous one when nothing changes. */
  private int addStep(int first, int size, int day, int r) {
    if (size > first && stepDay[size - 1] == day) {
      stepRow[size - 1] = r; // a later step on the same day replaces it
      if (size - 1 > first && stepRow[size - 2] == r) {
        size--;
      }
      return size;
    }
    if (size > first && stepRow[size - 1] == r) {
      return size;
    }
    if (size == first && r == NO_ROW) {
      return size;
    }
    stepDay[size] = day;
    stepRow[size] = r;
    return size + 1;
  }

  // ---- 2. Snapshots -------------------------------------------------------------------------

  /** The row in force on each line at each month end; a new state only when a line changed. */
  private void buildSnapshots() {
    Arrays.fill(cursor, 0, lineCount, -1);
    stateCount = 0;
    for (int d = 0; d < days.length; d++) {
      boolean changed = d == 0;
      int day = plan.readDay(days[d]);
      for (int l = 0; l < lineCount; l++) {
        int step = cursor[l];
        int last = lineStepStart[l + 1] - lineStepStart[l] - 1;
        while (step < last && stepDay[lineStepStart[l] + step + 1] <= day) {
          step++;
        }
        if (step != cursor[l]) {
          cursor[l] = step;
          changed = true;
        }
      }
      if (changed) {
        int base = newStateBase();
        for (int l = 0; l < lineCount; l++) {
          stateLineRow[base + l] = cursor[l] < 0 ? NO_ROW : stepRow[lineStepStart[l] + cursor[l]];
        }
        stateCount++;
      }
      stateOf[d] = stateCount - 1;
    }
  }

  /** Room in {@link #stateLineRow} for one more state: the offset of its first line. */
  private int newStateBase() {
    int base = stateCount * lineCount;
    if (stateLineRow.length < base + lineCount) {
      stateLineRow = Arrays.copyOf(stateLineRow, Math.max(base + lineCount, stateLineRow.length * 2));
    }
    return base;
  }

  /**
   * With a window (§5.5), the states at the ends of day f (the first active date) and day e = f + N,
   * appended after the month-end states: arbitrary days, so the product states and the movement
   * between them come from the same code as every month's. The period holding e is found here too.
   */
  private void addWindowStates() {
    windowPeriod = -1;
    if (firstActiveDay == Integer.MAX_VALUE) {
      windowStartState = NO_STATE;
      windowEndState = NO_STATE;
      return;
    }
    long end = (long) firstActiveDay + windowDays;
    windowStartState = addStateAt(firstActiveDay);
    // A window reaching past the last representable day sees the lines' last steps.
    windowEndState = addStateAt((int) Math.min(end, Integer.MAX_VALUE));
    for (int i = 0; i < periodCount; i++) {
      if (periodStartDay[i] <= end && end <= periodEndDay[i]) {
        windowPeriod = i;
        break;
      }
    }
  }

  /** Appends the snapshot at the end of {@code day}: each line's row in force then (§2.4 too). */
  private int addStateAt(int day) {
    int base = newStateBase();
    int read = plan.readDay(day);
    for (int l = 0; l < lineCount; l++) {
      stateLineRow[base + l] = rowInForce(l, read);
    }
    return stateCount++;
  }

  /** The row in force on local line {@code l} at the end of {@code day}, or {@code NO_ROW}. */
  private int rowInForce(int l, int day) {
    int r = NO_ROW;
    for (int s = lineStepStart[l]; s < lineStepStart[l + 1] && stepDay[s] <= day; s++) {
      r = stepRow[s];
    }
    return r;
  }

  // ---- 3. Product states --------------------------------------------------------------------

  /** Per state and product: ARR, seats, highest tier and the plan of the ranking phase. */
  private void buildProductStates() {
    int cells = stateCount * productCount;
    if (productArr.length < cells) {
      int size = Math.max(cells, productArr.length * 2);
      productArr = new long[size];
      productSeats = new long[size];
      productTier = new int[size];
      productPlan = new int[size];
    }
    if (stateArr.length < stateCount) {
      stateArr = new long[Math.max(stateCount, stateArr.length * 2)];
      stateSeats = new long[stateArr.length];
    }
    for (int s = 0; s < stateCount; s++) {
      long totalArr = 0;
      long totalSeats = 0;
      for (int p = 0; p < productCount; p++) {
        int product = products[p];
        long arr = 0;
        long seats = 0;
        int tier = NONE;
        int planRow = NO_ROW;
        for (int l = 0; l < lineCount; l++) { // lines by id: the smaller id wins plan ties
          int r = stateLineRow[s * lineCount + l];
          if (r == NO_ROW || table.productOf(r) != product || !table.billable(r)) {
            continue;
          }
          arr = Math.addExact(arr, table.arrMicrosOf(r));
          seats += table.seatsOf(r);
          int t = rowTier[r];
          if (t != NONE && (tier == NONE || t > tier)) {
            tier = t;
          }
          if (planRow == NO_ROW || ranksAbove(r, planRow)) {
            planRow = r;
          }
        }
        int cell = s * productCount + p;
        productArr[cell] = arr;
        productSeats[cell] = seats;
        productTier[cell] = tier;
        productPlan[cell] = planRow == NO_ROW ? NONE : table.planOf(planRow);
        totalArr = Math.addExact(totalArr, arr);
        totalSeats = Math.addExact(totalSeats, seats);
      }
      stateArr[s] = totalArr;
      stateSeats[s] = totalSeats;
    }
  }

  /** Higher tier (unknown ranks lowest), then higher ARR. */
  private boolean ranksAbove(int a, int b) {
    int ta = rowTier[a];
    int tb = rowTier[b];
    if (ta != NONE || tb != NONE) {
      if (tb == NONE) {
        return true;
      }
      if (ta == NONE) {
        return false;
      }
      if (ta != tb) {
        return ta > tb;
      }
    }
    return table.arrMicrosOf(a) > table.arrMicrosOf(b);
  }

  /** {@code A(c, d)} on any day: for the initial ARR of the segment facts. */
  private long arrOnDay(int day) {
    long total = 0;
    for (int l = 0; l < lineCount; l++) {
      int r = rowInForce(l, day);
      if (r != NO_ROW && table.billable(r)) {
        total = Math.addExact(total, table.arrMicrosOf(r));
      }
    }
    return total;
  }

  private boolean allAtTopTier(int s) {
    boolean any = false;
    for (int p = 0; p < productCount; p++) {
      int cell = s * productCount + p;
      if (productArr[cell] == 0) {
        continue;
      }
      any = true;
      int tier = productTier[cell];
      int top = productTop[products[p]];
      if (tier == NONE || top == NONE || tier < top) {
        return false;
      }
    }
    return any;
  }

  private String planOfLargestProduct(int s) {
    int largest = -1;
    for (int p = 0; p < productCount; p++) { // by name, so ">" keeps the smaller name on ties
      long arr = productArr[s * productCount + p];
      if (arr > 0 && (largest < 0 || arr > productArr[s * productCount + largest])) {
        largest = p;
      }
    }
    return largest < 0 ? null : table.planName(productPlan[s * productCount + largest]);
  }

  // ---- 4. Movements -------------------------------------------------------------------------

  /** Classifies the change from state {@code a} to state {@code b} into {@link #row}. */
  private void classify(int a, int b, boolean activeOnOrBeforeD0) {
    row.clearMovement();
    long a0 = stateArr[a];
    long a1 = stateArr[b];
    if (a0 == 0 && a1 == 0) {
      return; // inactive at both ends: no status, no seats
    }
    row.arr0 = a0;
    row.arr1 = a1;
    row.seats0 = stateSeats[a];
    row.seats1 = stateSeats[b];
    long[] c = row.components;
    if (a0 == 0) {
      row.status = activeOnOrBeforeD0 ? KernelRow.REACTIVATED : KernelRow.NEW;
      c[(activeOnOrBeforeD0 ? Component.REACTIVATION : Component.NEW_LOGO).ordinal()] = a1;
      return;
    }
    if (a1 == 0) {
      row.status = KernelRow.CHURNED;
      c[Component.CHURN.ordinal()] = -a0;
      return;
    }
    row.status = KernelRow.RETAINED;
    if (a == b) {
      return;
    }
    for (int p = 0; p < productCount; p++) {
      int cell0 = a * productCount + p;
      int cell1 = b * productCount + p;
      long arr0 = productArr[cell0];
      long arr1 = productArr[cell1];
      if (arr0 > 0 && arr1 == 0) {
        add(Component.PRODUCT_CHURN.ordinal(), -arr0);
      } else if (arr0 == 0 && arr1 > 0) {
        add(Component.CROSS_SELL.ordinal(), arr1);
      } else if (arr0 > 0) {
        heldAtBoth(a, b, p);
      }
    }
  }

  private void add(int component, long amount) {
    if (amount != 0) {
      row.components[component] = Math.addExact(row.components[component], amount);
    }
  }

  /** The price–volume split of a product held at both ends (§4.2; see the movement package). */
  private void heldAtBoth(int a, int b, int p) {
    int cell0 = a * productCount + p;
    int cell1 = b * productCount + p;
    long arr0 = productArr[cell0];
    long seats0 = productSeats[cell0];
    long seats1 = productSeats[cell1];
    int tier0 = productTier[cell0];
    int tier1 = productTier[cell1];
    int plan0 = productPlan[cell0];
    int plan1 = productPlan[cell1];
    long delta = Math.subtractExact(productArr[cell1], arr0);
    if (delta == 0 && seats0 == seats1 && plan0 == plan1 && tier0 == tier1) {
      return;
    }
    long seatEffect = seats0 > 0 ? Micros.mulDivHalfEven(seats1 - seats0, arr0, seats0) : 0;
    long rest = Math.subtractExact(delta, seatEffect);
    if (isRoundingResidue(seatEffect, rest)) {
      seatEffect = delta;
      rest = 0;
    }
    if (seatEffect > 0) {
      add(Component.ADD_ON_SEATS.ordinal(), seatEffect);
    } else if (seatEffect < 0) {
      add(Component.REDUCTION_SEATS.ordinal(), seatEffect);
    }
    int direction;
    if (tier0 != NONE && tier1 != NONE) {
      direction = Integer.signum(tier1 - tier0);
    } else if (plan0 != plan1) {
      direction = Long.signum(rest);
      if (rest != 0) {
        row.inferredDirections++;
      }
    } else {
      direction = 0;
    }
    if (rest == 0) {
      return;
    }
    Component component = direction > 0 ? (rest > 0 ? Component.UPSELL : Component.REDUCTION_PRICE)
        : direction < 0 ? (rest < 0 ? Component.DOWNSELL : Component.ADD_ON_PRICE)
        : rest > 0 ? Component.ADD_ON_PRICE : Component.REDUCTION_PRICE;
    add(component.ordinal(), rest);
    if (component == Component.UPSELL && isRamp(a, b, products[p])) {
      row.upsellRamp = Math.addExact(row.upsellRamp, rest);
    }
  }

  /**
   * Whether the rest beside a seat change is the unit price's rounding residue (§4.2): under one
   * cent, next to a seat effect that joining it does not turn around. A 3-seat line at 100.00 going
   * to 7 seats at the same unit price can leave −0.000001 once the old unit price is rounded; that
   * is not a price cut, and no customer should be counted in {@code reductionPrice} for it. A sum of
   * exactly 0 is not a flip: the change then nets to nothing, which is what the residue says.
   */
  static boolean isRoundingResidue(long seatEffect, long rest) {
    if (seatEffect == 0 || rest == 0 || Math.abs(rest) >= RESIDUE_LIMIT) {
      return false;
    }
    return Long.signum(seatEffect + rest) != -Long.signum(seatEffect);
  }

  /** One cent in micro-units: a rest below it beside a seat change is rounding (§4.2). */
  private static final long RESIDUE_LIMIT = 10_000;

  /**
   * The ramp label: every line holding a billable phase of the product at either end holds one at
   * both, and each changed line's new phase was signed on or before its old phase's start.
   */
  private boolean isRamp(int a, int b, int product) {
    for (int l = 0; l < lineCount; l++) {
      int before = billableRowOf(stateLineRow[a * lineCount + l], product);
      int after = billableRowOf(stateLineRow[b * lineCount + l], product);
      if (before == NO_ROW && after == NO_ROW) {
        continue;
      }
      if (before == NO_ROW || after == NO_ROW) {
        return false;
      }
      if (before != after && table.signedOf(after) > table.startOf(before)) {
        return false;
      }
    }
    return true;
  }

  private int billableRowOf(int r, int product) {
    return r != NO_ROW && table.productOf(r) == product && table.billable(r) ? r : NO_ROW;
  }

  // ---- 5. Months and periods ----------------------------------------------------------------

  /** Each month's movement and Upsell Rate facts, indexed by the snapshot of its end. */
  private void monthly() {
    monthEligible[0] = false;
    monthQualifying[0] = -1;
    monthUpsellUser[0] = false;
    for (int k = 1; k < days.length; k++) {
      int s0 = stateOf[k - 1];
      classify(s0, stateOf[k], firstActiveDay <= days[k - 1]);
      monthStatus[k] = row.status;
      System.arraycopy(row.components, 0, monthComponents, k * COMPONENTS, COMPONENTS);
      monthRamp[k] = row.upsellRamp;
      monthInferred[k] = row.inferredDirections;
      monthUpsellUser[k] = row.upsellUser();
      upsellUserMonths[k] = upsellUserMonths[k - 1] + (monthUpsellUser[k] ? 1 : 0);
      boolean active = stateArr[s0] > 0;
      monthEligible[k] = active && rule.eligible(true, firstActiveDay, monthStart[k],
          rule.excludesTopTier() && allAtTopTier(s0));
      monthQualifying[k] = row.status != KernelRow.NO_STATUS
          ? rule.qualifyingArr(row.components, row.seats0, row.seats1) : -1;
    }
  }

  /**
   * With a window (§5.5): the movement from the state at f to the state at e, measured net, and
   * whether the customer is eligible for it and qualifies. A customer whose ARR is gone at e
   * churned within its window: eligible, and not upsold.
   */
  private void measureWindow() {
    if (windowStartState == NO_STATE) {
      windowEligible = false;
      windowQualifying = -1;
      return;
    }
    classify(windowStartState, windowEndState, true);
    windowEligible = rule.eligibleOverWindow(
        rule.excludesTopTier() && allAtTopTier(windowStartState));
    windowQualifying = rule.qualifyingArr(row.components, row.seats0, row.seats1);
  }

  /** Fills {@link #row} with the customer's contribution to period {@code i}. */
  private void period(int i) {
    int o = open[i];
    int c = close[i];
    boolean singleMonth = o + 1 == c;
    if (singleMonth) {
      row.clearMovement();
      row.status = monthStatus[c];
      if (row.status != KernelRow.NO_STATUS) {
        row.arr0 = stateArr[stateOf[o]];
        row.arr1 = stateArr[stateOf[c]];
        row.seats0 = stateSeats[stateOf[o]];
        row.seats1 = stateSeats[stateOf[c]];
      }
      System.arraycopy(monthComponents, c * COMPONENTS, row.components, 0, COMPONENTS);
      row.upsellRamp = monthRamp[c];
      row.inferredDirections = monthInferred[c];
    } else {
      classify(stateOf[o], stateOf[c], firstActiveDay <= days[o]);
    }
    if (windowDays > 0) {
      windowRate(i);
    } else {
      periodRate(i, o, c);
    }
    row.upsellUserT3 = anyUpsellUser(c - 2, c);
    row.upsellUserT12 = anyUpsellUser(c - 11, c);
    row.arr12MonthsAgo = stateArr[stateOf[twelveMonthsAgo[i]]];
  }

  /**
   * The Upsell Rate facts of period {@code i} measured over the period, after its movement is in
   * {@link #row}: eligibility at d0, upsold by the period's months ({@code any}) or as a whole
   * ({@code net}), and quarter to date.
   */
  private void periodRate(int i, int o, int c) {
    boolean eligible;
    long qualifying;
    if (o + 1 == c) {
      eligible = monthEligible[c];
      qualifying = monthQualifying[c];
    } else {
      int s0 = stateOf[o];
      eligible = stateArr[s0] > 0 && rule.eligible(true, firstActiveDay, periodStart[i],
          rule.excludesTopTier() && allAtTopTier(s0));
      qualifying = counting == RateCounting.NET
          ? rule.qualifyingArr(row.components, row.seats0, row.seats1)
          : sumOfQualifyingMonths(o + 1, c);
    }
    long upsoldArr = eligible ? qualifying : -1;
    row.eligible = eligible;
    row.upsold = upsoldArr >= 0;
    row.upsoldArr = row.upsold ? upsoldArr : 0;
    boolean qtdEligible = false;
    boolean qtdUpsold = false;
    if (quarterStart[i] >= 0) {
      for (int k = quarterStart[i]; k <= c; k++) {
        qtdEligible |= monthEligible[k];
        qtdUpsold |= monthEligible[k] && monthQualifying[k] >= 0;
      }
    }
    row.qtdEligible = qtdEligible;
    row.qtdUpsold = qtdUpsold;
  }

  /**
   * The Upsell Rate facts of period {@code i} with a window: the customer counts only in the period
   * holding its window's end; there is no quarter to date (§5.5).
   */
  private void windowRate(int i) {
    boolean eligible = i == windowPeriod && windowEligible;
    row.eligible = eligible;
    row.upsold = eligible && windowQualifying >= 0;
    row.upsoldArr = row.upsold ? windowQualifying : 0;
    row.qtdEligible = false;
    row.qtdUpsold = false;
  }

  /** {@code any} counting: the sum over the months that qualify on their own; -1 when none does. */
  private long sumOfQualifyingMonths(int firstMonth, int lastMonth) {
    long total = -1;
    for (int k = firstMonth; k <= lastMonth; k++) {
      long arr = monthQualifying[k];
      if (arr >= 0) {
        total = total < 0 ? arr : Math.addExact(total, arr);
      }
    }
    return total;
  }

  /** Whether some month in the window made the customer an Upsell User (a prefix-count difference). */
  private boolean anyUpsellUser(int firstMonth, int lastMonth) {
    return upsellUserMonths[lastMonth] - upsellUserMonths[Math.max(1, firstMonth) - 1] > 0;
  }
}
