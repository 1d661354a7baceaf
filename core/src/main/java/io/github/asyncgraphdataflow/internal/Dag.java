package io.github.asyncgraphdataflow.internal;

import java.util.Arrays;

/**
 * A directed acyclic graph over node indexes that refuses an edge that would close a cycle,
 * keeping a topological order up to date as edges arrive.
 *
 * <p>The order is a list kept by {@link OrderList} (order maintenance: compare two nodes in
 * O(1), move a node to just after another in O(log n) amortized). An edge {@code x -> y} with
 * {@code x} already before {@code y} agrees with the order and costs O(1): adding nodes and
 * edges in topological order is linear. Otherwise two searches run in lockstep, one edge at a
 * time each: forward from {@code y} over the nodes before {@code x} ({@code F}), backward from
 * {@code x} over the nodes after {@code y} ({@code B}). A cycle exists exactly when the forward
 * search reaches {@code x} (or the two searches meet). As soon as one search is exhausted
 * without that, there is no cycle and only that search's nodes move: {@code F}, in its current
 * relative order, to just after {@code x}; or {@code B} to just before {@code y}. (Every edge
 * into a node of {@code F} comes from a node before {@code x} or from {@code F} itself, and
 * every edge out of {@code F} goes into {@code F} or past {@code x}; symmetrically for
 * {@code B}; so the order stays topological.)
 *
 * <p>Cost of an edge against the order: O(k log k) where {@code k} is the number of nodes and
 * edges of the <em>smaller</em> of the two searches (both run in lockstep, so the larger one is
 * cut off at the size of the smaller one), plus O(log n) amortized per moved node. So the
 * common bad cases of a one-sided search (Pearce and Kelly, 2006, whose cost is the sum of both
 * sides) are cheap: a chain added last node first with its edges first to last, where each new
 * edge has an empty forward side, costs O(1) per edge instead of O(length); and when edges join
 * two parts of a chain, only the smaller part moves, so a chain of {@code n} nodes costs
 * O(n log² n) in any order. No bound better than O(n) per edge is claimed for adversarial
 * orders of dense graphs.
 *
 * <p>A refused edge changes nothing: the order is only changed after a search proved there is
 * no cycle.
 *
 * <p>Not thread-safe: the owning graph serializes access.
 */
public final class Dag {
  private final OrderList order = new OrderList();
  private int[][] out = new int[16][];
  private int[][] in = new int[16][];
  private int[] outSize = new int[16];
  private int[] inSize = new int[16];
  /** Visit marks of the forward and backward searches: equal to {@code epoch} when visited. */
  private int[] markF = new int[16];
  private int[] markB = new int[16];
  private int size;
  private int epoch;
  private final Search forward = new Search(true);
  private final Search backward = new Search(false);

  /**
   * Adds a node, placed last in the order.
   *
   * @return its index
   */
  public int addNode() {
    if (size == out.length) {
      int n = size * 2;
      out = Arrays.copyOf(out, n);
      in = Arrays.copyOf(in, n);
      outSize = Arrays.copyOf(outSize, n);
      inSize = Arrays.copyOf(inSize, n);
      markF = Arrays.copyOf(markF, n);
      markB = Arrays.copyOf(markB, n);
    }
    out[size] = new int[2];
    in[size] = new int[2];
    order.append(size);
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
    if (!order.before(x, y)) {
      epoch++;
      if (epoch == Integer.MAX_VALUE) {
        Arrays.fill(markF, 0);
        Arrays.fill(markB, 0);
        epoch = 1;
      }
      forward.start(y, x);
      backward.start(x, y);
      while (true) {
        int f = forward.step();
        if (f == Search.CYCLE) {
          return false;
        }
        if (f == Search.DONE) {
          order.moveAfter(x, forward.sortedVisited());
          break;
        }
        int b = backward.step();
        if (b == Search.CYCLE) {
          return false;
        }
        if (b == Search.DONE) {
          order.moveBefore(y, backward.sortedVisited());
          break;
        }
      }
    }
    out[x] = append(out[x], outSize[x]++, y);
    in[y] = append(in[y], inSize[y]++, x);
    return true;
  }

  /** Whether {@code a} comes before {@code b} in the kept topological order (for tests). */
  boolean precedes(int a, int b) {
    return order.before(a, b);
  }

  private static int[] append(int[] a, int n, int value) {
    int[] b = n == a.length ? Arrays.copyOf(a, n * 2) : a;
    b[n] = value;
    return b;
  }

  /**
   * One side of the two-way search, advanced one edge per {@link #step()}: depth-first from its
   * start over the nodes strictly between the edge's two ends in the order.
   */
  private final class Search {
    static final int CYCLE = -1;
    static final int DONE = -2;
    static final int MORE = 0;
    private final boolean isForward;
    private int[] stack = new int[16];
    private int top;
    private int[] visited = new int[16];
    private int visitedCount;
    /** The node whose edges are being scanned, and the next edge to look at. */
    private int current;
    private int cursor;
    /** The other end of the new edge: reaching it means a cycle. */
    private int target;

    Search(boolean isForward) {
      this.isForward = isForward;
    }

    void start(int from, int target) {
      this.target = target;
      top = 0;
      visitedCount = 0;
      visit(from);
      current = -1;
    }

    private void visit(int n) {
      (isForward ? markF : markB)[n] = epoch;
      if (visitedCount == visited.length) {
        visited = Arrays.copyOf(visited, visitedCount * 2);
      }
      visited[visitedCount++] = n;
      if (top == stack.length) {
        stack = Arrays.copyOf(stack, top * 2);
      }
      stack[top++] = n;
    }

    /** Looks at one edge (or finds there is none left). */
    int step() {
      while (current < 0 || cursor == (isForward ? outSize : inSize)[current]) {
        if (top == 0) {
          return DONE;
        }
        current = stack[--top];
        cursor = 0;
      }
      int w = (isForward ? out : in)[current][cursor++];
      if (w == target) {
        return CYCLE;
      }
      int[] mine = isForward ? markF : markB;
      int[] theirs = isForward ? markB : markF;
      if (mine[w] != epoch && (isForward ? order.before(w, target) : order.before(target, w))) {
        if (theirs[w] == epoch) {
          return CYCLE; // the searches met: y reaches w and w reaches x
        }
        visit(w);
      }
      return MORE;
    }

    /** The visited nodes in their current order. */
    int[] sortedVisited() {
      Integer[] boxed = new Integer[visitedCount];
      for (int i = 0; i < visitedCount; i++) {
        boxed[i] = visited[i];
      }
      Arrays.sort(boxed, (a, b) -> order.before(a, b) ? -1 : (a.equals(b) ? 0 : 1));
      int[] result = new int[visitedCount];
      for (int i = 0; i < visitedCount; i++) {
        result[i] = boxed[i];
      }
      return result;
    }
  }
}
