package io.github.asyncgraphdataflow;

import io.github.asyncgraphdataflow.queue.NodeQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a graph as text: a Mermaid flowchart or a Graphviz DOT digraph (see
 * {@link AsyncGraph#toMermaid()} and {@link AsyncGraph#toDot()}).
 *
 * <p>A node is a box labelled with its name, its {@code maxTasks} and its queue (the default
 * queue's size, or a custom queue's class name), plus "halts on failure" where the node's own
 * halting switch is on. An arrow is an {@link Arrow}: a plain data edge is a solid arrow; the
 * other {@link Style}s are drawn dashed and labelled, for the edge kinds the graph gains
 * (error edges, conditional edges): an {@link AsyncGraph} turns each kind of edge into arrows
 * of its style, and this class needs no change for them.
 *
 * <p>Names and labels are escaped (Mermaid entity codes, DOT string escapes), so any node name
 * is safe; node ids are {@code n0, n1, ...} in the order nodes were added, and arrows are drawn
 * in the order given, so the text is deterministic.
 *
 * <p>Not thread-safe; made and used by one call.
 */
final class GraphDiagram {

  /** How an arrow is drawn. */
  enum Style {
    /** A data edge: solid. */
    DATA,
    /** An error edge (failed items): dashed, labelled. */
    ERROR,
    /** An edge taken only when its condition holds: dashed, labelled with the condition. */
    CONDITIONAL
  }

  /**
   * One arrow.
   *
   * @param source the emitting node's name
   * @param destination the receiving node's name
   * @param style how it is drawn
   * @param label the text on it, or {@code null} for none
   */
  record Arrow(String source, String destination, Style style, String label) {
    static Arrow data(Edge edge) {
      return edge.conditional()
          ? new Arrow(edge.source(), edge.destination(), Style.CONDITIONAL, "if")
          : new Arrow(edge.source(), edge.destination(), Style.DATA, null);
    }

    static Arrow error(Edge edge) {
      return new Arrow(edge.source(), edge.destination(), Style.ERROR, null);
    }
  }

  private final List<Node<?, ?>> nodes;
  private final List<Arrow> arrows;
  private final Map<String, String> ids = new HashMap<>();

  GraphDiagram(List<Node<?, ?>> nodes, List<Arrow> arrows) {
    this.nodes = nodes;
    this.arrows = arrows;
    for (int i = 0; i < nodes.size(); i++) {
      ids.put(nodes.get(i).name(), "n" + i);
    }
  }

  /** The Mermaid flowchart, left to right, ending with a line break. */
  String mermaid() {
    StringBuilder s = new StringBuilder("flowchart LR\n");
    for (Node<?, ?> n : nodes) {
      s.append("  ").append(ids.get(n.name())).append("[\"");
      List<String> lines = labelLines(n);
      for (int i = 0; i < lines.size(); i++) {
        s.append(i == 0 ? "" : "<br/>").append(mermaidText(lines.get(i)));
      }
      s.append("\"]\n");
    }
    for (Arrow a : arrows) {
      s.append("  ").append(ids.get(a.source()))
          .append(a.style() == Style.DATA ? " -->" : " -.->");
      String label = labelOf(a);
      if (label != null) {
        s.append("|\"").append(mermaidText(label)).append("\"|");
      }
      s.append(' ').append(ids.get(a.destination())).append('\n');
    }
    return s.toString();
  }

  /** The DOT digraph, left to right, ending with a line break. */
  String dot() {
    StringBuilder s = new StringBuilder("digraph {\n  rankdir=LR;\n  node [shape=box];\n");
    for (Node<?, ?> n : nodes) {
      s.append("  ").append(ids.get(n.name())).append(" [label=\"")
          .append(String.join("\\n", labelLines(n).stream().map(GraphDiagram::dotText).toList()))
          .append("\"];\n");
    }
    for (Arrow a : arrows) {
      s.append("  ").append(ids.get(a.source())).append(" -> ").append(ids.get(a.destination()));
      List<String> attributes = new ArrayList<>();
      if (a.style() != Style.DATA) {
        attributes.add("style=dashed");
      }
      if (a.style() == Style.ERROR) {
        attributes.add("color=red");
      }
      String label = labelOf(a);
      if (label != null) {
        attributes.add("label=\"" + dotText(label) + "\"");
      }
      if (!attributes.isEmpty()) {
        s.append(" [").append(String.join(", ", attributes)).append(']');
      }
      s.append(";\n");
    }
    return s.append("}\n").toString();
  }

  private static String labelOf(Arrow a) {
    if (a.label() != null) {
      return a.label();
    }
    return a.style() == Style.ERROR ? "error" : null;
  }

  private static List<String> labelLines(Node<?, ?> n) {
    NodeOptions o = n.options();
    List<String> lines = new ArrayList<>();
    lines.add(n.name());
    lines.add("maxTasks " + o.maxTasks() + ", " + queueOf(o));
    if (o.haltOnException()) {
      lines.add("halts on failure");
    }
    if (o.ordered() && o.maxTasks() > 1) {
      lines.add("ordered output");
    }
    return lines;
  }

  /** The default queue's size, or the custom queue's class (the supplier is called once). */
  private static String queueOf(NodeOptions o) {
    if (o.queue() == null) {
      return String.format(Locale.ROOT, "queue %,d", o.queueSize());
    }
    NodeQueue<?, ?> q;
    try {
      q = o.queue().get();
    } catch (RuntimeException e) {
      return "custom queue";
    }
    if (q == null) {
      return "custom queue";
    }
    Class<?> c = q.getClass();
    return c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
  }

  /** Text inside a quoted Mermaid label: entity codes for what Mermaid or HTML would read. */
  static String mermaidText(String text) {
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> s.append("#quot;");
        case '#' -> s.append("#35;");
        case '&' -> s.append("#amp;");
        case '<' -> s.append("#lt;");
        case '>' -> s.append("#gt;");
        case '`' -> s.append("#96;");
        case '|' -> s.append("#124;");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            s.append('#').append(c).append(';');
          } else {
            s.appendCodePoint(c);
          }
        }
      }
    });
    return s.toString();
  }

  /** Text inside a DOT double-quoted string: backslash and quote escaped, line breaks kept. */
  static String dotText(String text) {
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        default -> s.appendCodePoint(c < 0x20 || c == 0x7f ? ' ' : c);
      }
    });
    return s.toString();
  }
}
