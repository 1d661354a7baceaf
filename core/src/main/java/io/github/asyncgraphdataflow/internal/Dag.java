package io.github.asyncgraphdataflow.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A directed acyclic graph over node indexes that refuses, in time proportional to the part of
 * the graph it has to reorder, an edge that would close a cycle.
 *
 * <p>It keeps a topological order ({@code ord}) up to date as edges arrive (the dynamic
 * topological sort of Pearce and Kelly, 2006). An edge {@code x -> y} with
 * {@code ord[x] < ord[y]} agrees with the order and costs O(1): building a graph layer by layer
 * is linear. Otherwise only the nodes whose order lies between {@code ord[y]} and
 * {@code ord[x]} are searched: a cycle exists exactly when {@code x} is reachable from
 * {@code y} within that window; if not, the window is reordered. A refused edge changes
 * nothing.
 *
 * <p>Not thread-safe: the owning graph serializes access.
 */
public final class Dag {
  private int[] ord = new int[16];
  private int[] mark = new int[16];
  private final List<int[]> out = new ArrayList<>();
  private final List<int[]> in = new ArrayList<>();
  private final List<Integer> outSize = new ArrayList<>();
  private final List<Integer> inSize = new ArrayList<>();
  private int size;
  private int epoch;

  /**
   * Adds a node.
   *
   * @return its index
   */
  public int addNode() {
    if (size == ord.length) {
      ord = Arrays.copyOf(ord, size * 2);
      mark = Arrays.copyOf(mark, size * 2);
    }
    ord[size] = size;
    out.add(new int[2]);
    in.add(new int[2]);
    outSize.add(0);
    inSize.add(0);
    return size++;
  }

  /**
   * Adds an edge unless it closes a cycle.
   *
   * @param x source index
   * @param y destination index
   * @return false, with the graph unchanged, if the edge would close a cycle
   */
  public boolean addEdge(int x, int y) {
    if (x == y) {
      return false;
    }
    int lb = ord[y];
    int ub = ord[x];
    if (lb < ub) {
      epoch++;
      List<Integer> forward = new ArrayList<>();
      if (!search(y, ub, true, forward)) {
        return false;
      }
      List<Integer> backward = new ArrayList<>();
      search(x, lb, false, backward);
      reorder(backward, forward);
    }
    append(out, outSize, x, y);
    append(in, inSize, y, x);
    return true;
  }

  /** Depth-first within the window; forward returns false when it reaches the bound's node. */
  private boolean search(int start, int bound, boolean forward, List<Integer> visited) {
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    stack.push(start);
    mark[start] = epoch;
    while (!stack.isEmpty()) {
      int n = stack.pop();
      visited.add(n);
      int[] adj = (forward ? out : in).get(n);
      int count = (forward ? outSize : inSize).get(n);
      for (int i = 0; i < count; i++) {
        int w = adj[i];
        if (forward && ord[w] == bound) {
          return false;
        }
        boolean inWindow = forward ? ord[w] < bound : ord[w] > bound;
        if (inWindow && mark[w] != epoch) {
          mark[w] = epoch;
          stack.push(w);
        }
      }
    }
    return true;
  }

  private void reorder(List<Integer> backward, List<Integer> forward) {
    backward.sort((a, b) -> Integer.compare(ord[a], ord[b]));
    forward.sort((a, b) -> Integer.compare(ord[a], ord[b]));
    int[] slots = new int[backward.size() + forward.size()];
    int k = 0;
    for (int n : backward) {
      slots[k++] = ord[n];
    }
    for (int n : forward) {
      slots[k++] = ord[n];
    }
    Arrays.sort(slots);
    k = 0;
    for (int n : backward) {
      ord[n] = slots[k++];
    }
    for (int n : forward) {
      ord[n] = slots[k++];
    }
  }

  private static void append(List<int[]> lists, List<Integer> sizes, int from, int to) {
    int[] a = lists.get(from);
    int n = sizes.get(from);
    if (n == a.length) {
      a = Arrays.copyOf(a, n * 2);
      lists.set(from, a);
    }
    a[n] = to;
    sizes.set(from, n + 1);
  }
}
