package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.DataFlowLogging;
import io.github.asyncgraphdataflow.ExecutionListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;

/**
 * The executor's settings for one run.
 *
 * @param graph the graph, as handed to listeners
 * @param logger where failures are logged
 * @param maxExceptions exceptions kept per node
 * @param threadFactory makes the workers' threads
 * @param haltTimeout how long a halted run waits for workers that ignore interrupts
 * @param logging data-flow logging, or {@code null} when off
 * @param listeners the registered listeners, possibly none
 * @param stallWarning how long without progress before a stall is logged; zero for never
 * @param maxErrors halt when the graph's errors reach this many, or 0 for no budget
 * @param timeLimit halt when the run takes longer, or {@code null} for no limit
 */
public record ExecutionConfig(
    AsyncGraph graph,
    Logger logger,
    int maxExceptions,
    ThreadFactory threadFactory,
    Duration haltTimeout,
    DataFlowLogging logging,
    List<ExecutionListener> listeners,
    Duration stallWarning,
    long maxErrors,
    Duration timeLimit) {}
