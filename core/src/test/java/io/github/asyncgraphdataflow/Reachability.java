package io.github.asyncgraphdataflow;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;

/** Test helper: the slow, obviously right answer the cycle-check tests compare against. */
public final class Reachability {
  private Reachability() {}

  /**
   * Whether {@code to} can be reached from {@code from} (or is {@code from}), by depth-first
   * search.
   *
   * @param adjacency per node, its successors
   */
  public static boolean reaches(List<? extends Collection<Integer>> adjacency, int from, int to) {
    boolean[] seen = new boolean[adjacency.size()];
    ArrayDeque<Integer> stack = new ArrayDeque<>(List.of(from));
    while (!stack.isEmpty()) {
      int v = stack.pop();
      if (v == to) {
        return true;
      }
      if (!seen[v]) {
        seen[v] = true;
        adjacency.get(v).forEach(stack::push);
      }
    }
    return false;
  }
}
