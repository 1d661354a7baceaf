package io.github.asyncgraphdataflow.flink;

import io.github.asyncgraphdataflow.AsyncGraph;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * Builds the graph to run, on the client and again in every Flink task: node functions never
 * travel over the network, only this factory does. Pass a static method reference, which is
 * serializable because this interface is:
 *
 * {@snippet :
 * FlinkExecutor.of(MyGraphs::breweries).execute();
 * }
 *
 * <p>The factory must build the same graph every time (same node names, options and edges),
 * and the class holding it must be on the task managers' class path (in the job jar). A lambda
 * works too, when what it captures is serializable.
 */
@FunctionalInterface
public interface GraphFactory extends Supplier<AsyncGraph>, Serializable {}
