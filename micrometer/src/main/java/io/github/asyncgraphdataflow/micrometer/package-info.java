/**
 * Micrometer meters for a running graph: {@link io.github.asyncgraphdataflow.micrometer.GraphMetrics}
 * publishes each node's items, errors, queue and workers, and times its calls; the meter
 * names are in {@link io.github.asyncgraphdataflow.micrometer.MeterNames}.
 */
package io.github.asyncgraphdataflow.micrometer;
