package io.github.asyncgraphdataflow.internal;

import java.util.Arrays;

/**
 * An ordered list of node indexes that compares two nodes in O(1) and moves nodes in O(log n)
 * amortized: order maintenance with integer labels (Bender, Cole, Demaine, Farach-Colton and
 * Zito, "Two simplified algorithms for maintaining order in a list", 2002).
 *
 * <p>Each node has a label in {@code [0, 2^62)}; labels increase along the list. A node
 * inserted between two others takes the label half-way between theirs. When there is no room,
 * the smallest aligned label range of size {@code 2^i} around the insertion point that is
 * sparse enough (fewer than {@code (2/T)^i} nodes, {@code T = 1.4}) is relabeled evenly; this
 * costs O(log n) amortized per insertion and leaves room for more than {@code 2^31} nodes.
 *
 * <p>Internally entry 0 is a fixed sentinel with label 0 at the head of a circular list, and
 * node {@code n} is entry {@code n + 1}. Not thread-safe.
 */
final class OrderList {
  private static final long UNIVERSE = 1L << 62;
  private static final double DENSITY_BASE = 2.0 / 1.4;
  private long[] label = new long[16];
  private int[] prev = new int[16];
  private int[] next = new int[16];

  OrderList() {
    // the sentinel: label 0, alone in the circle
    prev[0] = 0;
    next[0] = 0;
  }

  /** Places a new node last. */
  void append(int node) {
    int e = node + 1;
    if (e >= label.length) {
      int n = Math.max(e + 1, label.length * 2);
      label = Arrays.copyOf(label, n);
      prev = Arrays.copyOf(prev, n);
      next = Arrays.copyOf(next, n);
    }
    insertAfter(prev[0], e);
  }

  /** Whether {@code a} comes before {@code b}. */
  boolean before(int a, int b) {
    return label[a + 1] < label[b + 1];
  }

  /** Moves {@code nodes} (in this order, none of them {@code anchor}) to just after it. */
  void moveAfter(int anchor, int[] nodes) {
    for (int n : nodes) {
      unlink(n + 1);
    }
    int cursor = anchor + 1;
    for (int n : nodes) {
      insertAfter(cursor, n + 1);
      cursor = n + 1;
    }
  }

  /** Moves {@code nodes} (in this order, none of them {@code anchor}) to just before it. */
  void moveBefore(int anchor, int[] nodes) {
    for (int n : nodes) {
      unlink(n + 1);
    }
    int cursor = prev[anchor + 1];
    for (int n : nodes) {
      insertAfter(cursor, n + 1);
      cursor = n + 1;
    }
  }

  private void unlink(int e) {
    next[prev[e]] = next[e];
    prev[next[e]] = prev[e];
  }

  /** Links entry {@code e} after entry {@code a}, with a label between theirs. */
  private void insertAfter(int a, int e) {
    if (room(a) < 2) {
      relabelAround(a);
    }
    label[e] = label[a] + room(a) / 2;
    int b = next[a];
    prev[e] = a;
    next[e] = b;
    next[a] = e;
    prev[b] = e;
  }

  /** The label distance from entry {@code a} to its successor (or the end of the universe). */
  private long room(int a) {
    int b = next[a];
    return (b == 0 ? UNIVERSE : label[b]) - label[a];
  }

  /** Spreads the labels of the smallest sparse enough range around {@code a} evenly. */
  private void relabelAround(int a) {
    int first = a;
    int last = a;
    int count = 1;
    for (int i = 1; i <= 62; i++) {
      long size = 1L << i;
      long base = label[a] & -size;
      while (first != 0 && label[prev[first]] >= base && prev[first] != last) {
        first = prev[first];
        count++;
      }
      while (next[last] != 0 && label[next[last]] < base + size) {
        last = next[last];
        count++;
      }
      long gap = size / count;
      if (gap >= 2 && count < Math.pow(DENSITY_BASE, i)) {
        int e = first;
        for (int k = 0; k < count; k++) {
          label[e] = base + k * gap;
          e = next[e];
        }
        return;
      }
    }
    throw new IllegalStateException("The graph has too many nodes to keep in order");
  }
}
