package io.github.asyncgraphdataflow.flink;

import java.util.ArrayList;
import java.util.Comparator;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * Keeps the last {@code limit} failures of a node, across its subtasks: each subtask keeps its
 * last {@code limit}, and merging keeps the latest {@code limit} of both by time.
 *
 * <p>Not thread-safe: Flink adds from the task thread only and merges on the job manager.
 */
final class FailuresAccumulator implements Accumulator<KeptFailure, ArrayList<KeptFailure>> {
  private static final long serialVersionUID = 1L;
  private static final Comparator<KeptFailure> ORDER =
      Comparator.comparingLong(KeptFailure::timeMillis).thenComparingLong(KeptFailure::seq);

  private final int limit;
  private ArrayList<KeptFailure> kept = new ArrayList<>();

  FailuresAccumulator(int limit) {
    this.limit = limit;
  }

  @Override
  public void add(KeptFailure failure) {
    kept.add(failure);
    if (kept.size() > limit) {
      kept.remove(0);
    }
  }

  @Override
  public ArrayList<KeptFailure> getLocalValue() {
    return kept;
  }

  @Override
  public void resetLocal() {
    kept = new ArrayList<>();
  }

  @Override
  public void merge(Accumulator<KeptFailure, ArrayList<KeptFailure>> other) {
    kept.addAll(other.getLocalValue());
    kept.sort(ORDER);
    while (kept.size() > limit) {
      kept.remove(0);
    }
  }

  @Override
  public FailuresAccumulator clone() {
    FailuresAccumulator copy = new FailuresAccumulator(limit);
    copy.kept = new ArrayList<>(kept);
    return copy;
  }
}
