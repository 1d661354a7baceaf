package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.Tuple2;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared state across nodes: one object, passed to the start node as its argument and then
 * along the edge, that both nodes read and write. Workers run on different threads, so the
 * state is thread-safe, and {@code get} waits (without polling) until a key is set.
 *
 * <p>The original relies on its sleeps for node2 to read "hello" before node1 overwrites it with
 * "world". This port makes the order certain instead: node1 waits until node2 has seen the
 * current value before it writes the next one.
 *
 * <pre>
 * Graph: {node1=[node2], node2=[]}
 * node2 received: hello
 * node2 received: world
 * </pre>
 */
public final class SharedState {
  private final Map<String, Object> values = new HashMap<>();

  /**
   * Sets a value and wakes whoever waits for it.
   *
   * @param key the key
   * @param value the value
   */
  public synchronized void set(String key, Object value) {
    values.put(key, value);
    notifyAll();
  }

  /**
   * Gets a value, waiting until it is set.
   *
   * @param key the key
   * @return the value
   * @throws InterruptedException if interrupted while waiting
   */
  public synchronized Object get(String key) throws InterruptedException {
    while (!values.containsKey(key)) {
      wait();
    }
    return values.get(key);
  }

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    run(System.out, Pace.DEFAULT_TICK);
  }

  static void run(PrintStream out, Duration tick) throws InterruptedException {
    AsyncGraph graph = new AsyncGraph();
    var node1 = graph.addNode("node1", (SharedState state, Emitter<SharedState> emit) -> {
      state.set("current_data", "hello");
      emit.emit(state);
      state.get("seen hello"); // node2 has read it: safe to overwrite
      Pace.sleep(tick, 2);
      state.set("current_data", "world");
      emit.emit(state);
    });
    var node2 = graph.addNode("node2",
        (SharedState state, Emitter<Tuple2<SharedState, Object>> emit) -> {
          Object current = state.get("current_data");
          out.println("node2 received: " + current);
          state.set("seen " + current, true);
          Pace.sleep(tick, 3);
          emit.emit(Tuple2.of(state, current));
        });
    graph.addEdge(node1, node2);

    out.println("Graph: " + graph.nodesToEdges());
    new AsyncExecutor(graph).execute(Map.of("node1", List.of(new SharedState())));
  }
}
