/**
 * Run functions arranged as a directed acyclic graph: {@link io.github.asyncgraphdataflow.AsyncGraph}
 * holds the nodes and edges, {@link io.github.asyncgraphdataflow.AsyncExecutor} runs them, each
 * node with its own bounded input queue and its own number of concurrent workers on virtual
 * threads.
 *
 * <p>Start with {@link io.github.asyncgraphdataflow.AsyncGraph}; ready-made node shapes are in
 * {@link io.github.asyncgraphdataflow.Nodes}, custom input queues in
 * {@link io.github.asyncgraphdataflow.queue}.
 */
package io.github.asyncgraphdataflow;
