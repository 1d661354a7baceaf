/**
 * async-graph-data-flow: run functions arranged as a directed acyclic graph, each node with its
 * own bounded input queue and its own number of concurrent workers.
 *
 * <p>Exports the API ({@code io.github.asyncgraphdataflow}) and the custom queues
 * ({@code io.github.asyncgraphdataflow.queue}) and the small SPI for other engines
 * ({@code io.github.asyncgraphdataflow.spi}); the engine in
 * {@code io.github.asyncgraphdataflow.internal} is not exported. Logging goes through SLF4J.
 */
module io.github.asyncgraphdataflow {
  requires transitive org.slf4j;

  exports io.github.asyncgraphdataflow;
  exports io.github.asyncgraphdataflow.queue;
  exports io.github.asyncgraphdataflow.spi;
}
