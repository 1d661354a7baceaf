/**
 * async-graph-data-flow: run functions arranged as a directed acyclic graph.
 */
module io.github.asyncgraphdataflow {
  requires transitive org.slf4j;

  exports io.github.asyncgraphdataflow;
  exports io.github.asyncgraphdataflow.queue;
}
