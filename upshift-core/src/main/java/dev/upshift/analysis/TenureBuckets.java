package dev.upshift.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The tenure buckets of the {@code tenure} dimension (§6.1) for the forecast: with edges 6, 12, 24
 * they are {@code 0-6}, {@code 7-12}, {@code 13-24}, {@code 25+}. The labels are the ones the
 * {@code tenure} segments of the report carry (a test pins that), so forecast buckets and segment
 * tables line up.
 */
final class TenureBuckets implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] edges;
  private final List<String> labels;

  TenureBuckets(List<Integer> edges) {
    this.edges = edges.stream().mapToInt(Integer::intValue).toArray();
    List<String> names = new ArrayList<>();
    int low = 0;
    for (int edge : this.edges) {
      names.add(low + "-" + edge);
      low = edge + 1;
    }
    names.add(low + "+");
    this.labels = List.copyOf(names);
  }

  List<String> labels() {
    return labels;
  }

  int size() {
    return labels.size();
  }

  /** The bucket of a tenure of {@code months} ≥ 0. */
  int indexOf(int months) {
    for (int i = 0; i < edges.length; i++) {
      if (months <= edges[i]) {
        return i;
      }
    }
    return edges.length;
  }
}
