package io.github.asyncgraphdataflow;

/**
 * Not a test: the program {@link NoSlf4jProviderTest} runs in a fresh JVM whose class path has
 * only the library and the SLF4J API (no provider). A node fails on each of 30 items.
 */
public final class NoProviderMain {
  private NoProviderMain() {}

  /**
   * Runs the failing graph with the executor's default logger.
   *
   * @param args unused
   * @throws InterruptedException never
   */
  public static void main(String[] args) throws InterruptedException {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("numbers", (Emitter<Integer> out) -> {
      for (int i = 0; i < 30; i++) {
        out.emit(i);
      }
    });
    graph.addNode("parse", (Integer x, Emitter<Integer> out) -> {
      throw new NumberFormatException("not a number: " + x);
    });
    graph.addEdge("numbers", "parse");
    ExecutionResult result = new AsyncExecutor(graph).execute();
    System.out.println("err=" + result.stats().get("parse").err());
  }
}
