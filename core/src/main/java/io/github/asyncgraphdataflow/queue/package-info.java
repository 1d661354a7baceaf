/**
 * Custom input queues: the {@link io.github.asyncgraphdataflow.queue.NodeQueue} contract and
 * ready-made queues (pre-loaded FIFO, priority order, batching by size or maximum wait).
 */
package io.github.asyncgraphdataflow.queue;
