package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncgraphdataflow.queue.BatchingQueue;
import io.github.asyncgraphdataflow.queue.FifoQueue;
import io.github.asyncgraphdataflow.queue.NodeQueue;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link AsyncGraph#toMermaid()} and {@link AsyncGraph#toDot()}: exact text. */
class GraphDiagramTest {

  static void fetch(Integer page, Emitter<String> out) {}

  static AsyncGraph etl() {
    // @start region="mermaid"
    AsyncGraph graph = new AsyncGraph();
    var pages = graph.addNode("pages", (Emitter<Integer> out) -> out.emit(1));
    var fetch = graph.addNode(GraphDiagramTest::fetch,
        NodeOptions.builder().maxTasks(8).queueSize(16).build());
    var csv = graph.addNode("csv", Nodes.sink((String s) -> { }));
    var db = graph.addNode(Nodes.sink((List<String> batch) -> { }),
        NodeOptions.builder().name("db").queue(() -> new BatchingQueue<String>(300)).build());
    graph.addEdge(pages, fetch);
    graph.addEdge(fetch, csv);
    graph.addEdge(fetch.name(), db.name());
    String mermaid = graph.toMermaid();
    // flowchart LR
    //   n0["pages<br/>maxTasks 1, queue 10,000"]
    //   n1["fetch<br/>maxTasks 8, queue 16"]
    //   ...
    //   n0 --> n1
    // @end
    assertThat(mermaid).startsWith("flowchart LR\n");
    return graph;
  }

  @Test
  void mermaidShowsNamesWorkersQueuesAndEdgesInInsertionOrder() {
    assertThat(etl().toMermaid()).isEqualTo("""
        flowchart LR
          n0["pages<br/>maxTasks 1, queue 10,000"]
          n1["fetch<br/>maxTasks 8, queue 16"]
          n2["csv<br/>maxTasks 1, queue 10,000"]
          n3["db<br/>maxTasks 1, BatchingQueue"]
          n0 --> n1
          n1 --> n2
          n1 --> n3
        """);
  }

  @Test
  void dotShowsTheSameBoxesAndArrows() {
    assertThat(etl().toDot()).isEqualTo("""
        digraph {
          rankdir=LR;
          node [shape=box];
          n0 [label="pages\\nmaxTasks 1, queue 10,000"];
          n1 [label="fetch\\nmaxTasks 8, queue 16"];
          n2 [label="csv\\nmaxTasks 1, queue 10,000"];
          n3 [label="db\\nmaxTasks 1, BatchingQueue"];
          n0 -> n1;
          n1 -> n2;
          n1 -> n3;
        }
        """);
  }

  @Test
  void namesWithQuotesAndMarkupAreEscaped() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("say \"hi\" <b>#1</b> & `x` | y\\z", (Emitter<Integer> out) -> { });
    graph.addNode("two\nlines", Nodes.sink((Integer x) -> { }));
    graph.addEdge("say \"hi\" <b>#1</b> & `x` | y\\z", "two\nlines");

    assertThat(graph.toMermaid()).isEqualTo("""
        flowchart LR
          n0["say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;x#96; #124; y\\z\
        <br/>maxTasks 1, queue 10,000"]
          n1["two#10;lines<br/>maxTasks 1, queue 10,000"]
          n0 --> n1
        """);
    assertThat(graph.toDot()).isEqualTo("""
        digraph {
          rankdir=LR;
          node [shape=box];
          n0 [label="say \\"hi\\" <b>#1</b> & `x` | y\\\\z\\nmaxTasks 1, queue 10,000"];
          n1 [label="two\\nlines\\nmaxTasks 1, queue 10,000"];
          n0 -> n1;
        }
        """);
  }

  @Test
  void customQueuesAreNamedByClassAndHaltingNodesMarked() {
    AtomicInteger supplied = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(Nodes.sink((Integer x) -> { }), NodeOptions.builder().name("jobs")
        .haltOnException(true)
        .queue(() -> {
          supplied.incrementAndGet();
          return new FifoQueue<Integer>(10).preload(List.of(1));
        }).build());
    graph.addNode(Nodes.sink((Integer x) -> { }), NodeOptions.builder().name("anon")
        .queue(() -> new FifoQueue<Integer>(10) { }).build());
    graph.addNode(Nodes.sink((Integer x) -> { }), NodeOptions.builder().name("broken")
        .queue(() -> {
          throw new IllegalStateException("no queue today");
        }).build());
    graph.addNode(Nodes.sink((Integer x) -> { }), NodeOptions.builder().name("nothing")
        .queue(() -> (NodeQueue<Integer, Integer>) null).build());

    assertThat(graph.toMermaid()).isEqualTo("""
        flowchart LR
          n0["jobs<br/>maxTasks 1, FifoQueue<br/>halts on failure"]
          n1["anon<br/>maxTasks 1, io.github.asyncgraphdataflow.GraphDiagramTest$1"]
          n2["broken<br/>maxTasks 1, custom queue"]
          n3["nothing<br/>maxTasks 1, custom queue"]
        """);
    assertThat(supplied).as("the supplier is called once per picture").hasValue(1);
  }

  @Test
  void errorAndConditionalArrowsAreDashedAndLabelled() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", (Emitter<Integer> out) -> { });
    graph.addNode("b", Nodes.sink((Integer x) -> { }));
    graph.addNode("dead letters", Nodes.sink((Integer x) -> { }));
    List<GraphDiagram.Arrow> arrows = List.of(
        new GraphDiagram.Arrow("a", "b", GraphDiagram.Style.CONDITIONAL, "x > \"0\""),
        new GraphDiagram.Arrow("a", "dead letters", GraphDiagram.Style.ERROR, null),
        new GraphDiagram.Arrow("b", "dead letters", GraphDiagram.Style.DATA, "rows"));
    GraphDiagram diagram = new GraphDiagram(graph.nodes(), arrows);

    assertThat(diagram.mermaid()).endsWith("""
          n0 -.->|"x #gt; #quot;0#quot;"| n1
          n0 -.->|"error"| n2
          n1 -->|"rows"| n2
        """);
    assertThat(diagram.dot()).endsWith("""
          n0 -> n1 [style=dashed, label="x > \\"0\\""];
          n0 -> n2 [style=dashed, color=red, label="error"];
          n1 -> n2 [label="rows"];
        }
        """);
  }

  @Test
  void errorEdgesAreDashedRedAndLabelledAfterTheDataEdges() {
    AsyncGraph graph = new AsyncGraph();
    var fetch = graph.addNode("fetch", (Emitter<String> out) -> out.emit("page"));
    var parse = graph.addNode("parse", Nodes.sink((String page) -> { }));
    var failed = graph.addNode("failed", Nodes.sink((DeadLetter<String> letter) -> { }));
    graph.addErrorEdge(parse, failed);
    graph.addEdge(fetch, parse);

    assertThat(graph.toMermaid()).isEqualTo("""
        flowchart LR
          n0["fetch<br/>maxTasks 1, queue 10,000"]
          n1["parse<br/>maxTasks 1, queue 10,000"]
          n2["failed<br/>maxTasks 1, queue 10,000"]
          n0 --> n1
          n1 -.->|"error"| n2
        """);
    assertThat(graph.toDot()).endsWith("""
          n0 -> n1;
          n1 -> n2 [style=dashed, color=red, label="error"];
        }
        """);
  }

  @Test
  void anEmptyGraphIsAnEmptyPicture() {
    assertThat(new AsyncGraph().toMermaid()).isEqualTo("flowchart LR\n");
    assertThat(new AsyncGraph().toDot())
        .isEqualTo("digraph {\n  rankdir=LR;\n  node [shape=box];\n}\n");
  }
}
