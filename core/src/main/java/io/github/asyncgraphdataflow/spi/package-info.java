/**
 * A small service-provider interface for engines other than
 * {@link io.github.asyncgraphdataflow.AsyncExecutor} that run the same graph (the Flink runner,
 * say): call a node's function exactly as the local executor does, and work out the start
 * nodes of an execution with the same checks. Applications do not need this package.
 */
package io.github.asyncgraphdataflow.spi;
