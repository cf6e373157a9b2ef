package dev.upshift.spark;

import dev.upshift.input.Phase;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.input.PhaseTable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phases of subscription lines that one chunk of customers kept after every check, in
 * columns, as the input pass hands them to the customer pass: Spark keeps them (in memory, else on
 * disk) so that the second pass neither reads the shuffle again nor parses a cell twice. Strings
 * are held once per chunk, rows point to them. Immutable and serialisable; about 60 bytes a row.
 */
final class KeptPhases implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final PhaseStatus[] STATUSES = PhaseStatus.values();
  private static final PhaseKind[] KINDS = PhaseKind.values();

  private final String[] strings;
  private final int[] customer;
  private final int[] line;
  private final int[] product;
  private final int[] plan;
  private final int[] tier;
  private final int[] seats;
  private final long[] arr;
  private final int[] start;
  private final int[] end;
  private final int[] signed;
  private final int[] cancelSigned;
  private final byte[] status;
  private final byte[] kind;
  private final int[] order;

  private KeptPhases(PhaseTable table) {
    int n = table.size();
    Map<String, Integer> index = new HashMap<>();
    List<String> values = new ArrayList<>();
    customer = new int[n];
    line = new int[n];
    product = new int[n];
    plan = new int[n];
    tier = new int[n];
    seats = new int[n];
    arr = new long[n];
    start = new int[n];
    end = new int[n];
    signed = new int[n];
    cancelSigned = new int[n];
    status = new byte[n];
    kind = new byte[n];
    order = new int[n];
    for (int r = 0; r < n; r++) {
      customer[r] = intern(table.customerId(table.customerOf(r)), index, values);
      line[r] = intern(table.lineId(table.lineOf(r)), index, values);
      product[r] = intern(table.productName(table.productOf(r)), index, values);
      plan[r] = table.planOf(r) == PhaseTable.NONE ? -1
          : intern(table.planName(table.planOf(r)), index, values);
      tier[r] = table.tierOf(r);
      seats[r] = table.seatsOf(r);
      arr[r] = table.arrMicrosOf(r);
      start[r] = table.startOf(r);
      end[r] = table.endOf(r);
      signed[r] = table.signedOf(r);
      cancelSigned[r] = table.cancelSignedOf(r);
      status[r] = (byte) table.statusOf(r).ordinal();
      kind[r] = (byte) table.kindOf(r).ordinal();
      order[r] = table.sourceLineOf(r);
    }
    strings = values.toArray(String[]::new);
  }

  /** The line phases among {@code kept} (overage and one-time rows are set aside, §1.1). */
  static KeptPhases of(PhaseTable lineRows) {
    return new KeptPhases(lineRows);
  }

  /** The line phases of a chunk's kept rows, as the table a dataset of them would hold. */
  static PhaseTable lineRows(List<Phase> kept) {
    return dev.upshift.input.Dataset.builder().addAll(kept).build().table();
  }

  /** The phases as the engine's table, in the order kept. */
  PhaseTable table() {
    PhaseTable.Builder table = PhaseTable.builder(customer.length);
    for (int r = 0; r < customer.length; r++) {
      table.add(strings[customer[r]], strings[line[r]], strings[product[r]],
          plan[r] < 0 ? null : strings[plan[r]], tier[r], seats[r], arr[r], start[r], end[r],
          signed[r], cancelSigned[r], STATUSES[status[r]], KINDS[kind[r]], order[r]);
    }
    return table.build();
  }

  private static int intern(String value, Map<String, Integer> index, List<String> values) {
    Integer at = index.get(value);
    if (at == null) {
      at = values.size();
      index.put(value, at);
      values.add(value);
    }
    return at;
  }
}
