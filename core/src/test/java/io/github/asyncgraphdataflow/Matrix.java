package io.github.asyncgraphdataflow;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The small configuration matrix each behaviour runs across (as Caffeine's {@code @CacheSpec}):
 * one worker or four, the smallest queue or the default one. Use with
 * {@code @MethodSource("io.github.asyncgraphdataflow.Matrix#configs")}.
 */
final class Matrix {
  static final String NAME = "maxTasks={0}, queueSize={1}";
  static final String SOURCE = "io.github.asyncgraphdataflow.Matrix#configs";

  private Matrix() {}

  static Stream<Arguments> configs() {
    return Stream.of(
        arguments(1, 1), arguments(1, 10_000), arguments(4, 1), arguments(4, 10_000));
  }

  /** Options with a name and the matrix's settings. */
  static NodeOptions opts(String name, int maxTasks, int queueSize) {
    return NodeOptions.builder().name(name).maxTasks(maxTasks).queueSize(queueSize).build();
  }
}
