package io.github.asyncgraphdataflow.live;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Edge;
import io.github.asyncgraphdataflow.Node;
import io.github.asyncgraphdataflow.NodeOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph as the page draws it, taken once when the view starts: nodes in topological
 * layers (a node's layer is the longest path to it from a node with no input), ordered within
 * each layer by the mean position of their sources so that edges cross less. Immutable.
 */
final class GraphModel {
  final List<Node<?, ?>> nodes;
  final int[][] edges;
  final int[] layer;
  final int[] row;
  final boolean[] source;

  GraphModel(AsyncGraph graph) {
    nodes = graph.nodes();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).name(), i);
    }
    List<int[]> e = new ArrayList<>();
    for (Edge edge : graph.edges()) {
      e.add(new int[] {index.get(edge.source()), index.get(edge.destination())});
    }
    edges = e.toArray(new int[0][]);
    source = new boolean[nodes.size()];
    Arrays.fill(source, true);
    for (int[] edge : edges) {
      source[edge[1]] = false;
    }
    layer = layers(nodes.size(), edges);
    row = rows(nodes.size(), edges, layer);
  }

  /** Longest-path layering by Kahn's algorithm (the graph is acyclic). */
  private static int[] layers(int n, int[][] edges) {
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    int[] indegree = new int[n];
    for (int[] e : edges) {
      out.get(e[0]).add(e[1]);
      indegree[e[1]]++;
    }
    int[] layer = new int[n];
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        queue[tail++] = i;
      }
    }
    while (head < tail) {
      int v = queue[head++];
      for (int w : out.get(v)) {
        layer[w] = Math.max(layer[w], layer[v] + 1);
        if (--indegree[w] == 0) {
          queue[tail++] = w;
        }
      }
    }
    return layer;
  }

  /** Orders each layer by the mean row of the node's sources (one barycenter sweep). */
  private static int[] rows(int n, int[][] edges, int[] layer) {
    int[] row = new int[n];
    int maxLayer = Arrays.stream(layer).max().orElse(0);
    List<List<Integer>> byLayer = new ArrayList<>();
    for (int l = 0; l <= maxLayer; l++) {
      byLayer.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      byLayer.get(layer[i]).add(i);
    }
    List<List<Integer>> sources = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sources.add(new ArrayList<>());
    }
    for (int[] e : edges) {
      sources.get(e[1]).add(e[0]);
    }
    double[] key = new double[n];
    for (int l = 0; l <= maxLayer; l++) {
      List<Integer> members = byLayer.get(l);
      for (int v : members) {
        List<Integer> from = sources.get(v);
        key[v] = from.isEmpty() ? v : from.stream().mapToInt(u -> row[u]).average().orElse(v);
      }
      members.sort(Comparator.<Integer>comparingDouble(v -> key[v]).thenComparingInt(v -> v));
      for (int r = 0; r < members.size(); r++) {
        row[members.get(r)] = r;
      }
    }
    return row;
  }

  /** The page's {@code /graph.json}. */
  String toJson(String title) {
    Json j = new Json().beginObject().member("title", title).name("nodes").beginArray();
    for (int i = 0; i < nodes.size(); i++) {
      NodeOptions o = nodes.get(i).options();
      j.beginObject().member("name", nodes.get(i).name()).member("maxTasks", o.maxTasks())
          .member("queueSize", o.queue() == null ? o.queueSize() : -1)
          .member("layer", layer[i]).member("row", row[i]).member("source", source[i])
          .endObject();
    }
    j.endArray().name("edges").beginArray();
    for (int[] e : edges) {
      j.beginArray().value(e[0]).value(e[1]).endArray();
    }
    return j.endArray().endObject().toString();
  }
}
