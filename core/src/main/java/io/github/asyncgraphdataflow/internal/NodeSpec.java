package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.NodeOptions;

/**
 * One node as an execution sees it: a snapshot of the graph's node.
 *
 * @param name the node's name
 * @param function the node's function
 * @param inputs how many inputs the function takes
 * @param options the node's options
 * @param haltOnException whether a failure here halts the graph (graph-wide or per node)
 */
public record NodeSpec(
    String name, Object function, int inputs, NodeOptions options, boolean haltOnException) {}
