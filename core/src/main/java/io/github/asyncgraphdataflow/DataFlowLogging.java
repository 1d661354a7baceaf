package io.github.asyncgraphdataflow;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * How periodic data-flow logging is done: the arguments of the original's
 * {@code turn_on_data_flow_logging}. Every {@code timeInterval}, on a clock, and once more when
 * the execution ends, one INFO line per node is logged.
 *
 * {@snippet :
 * executor.turnOnDataFlowLogging(DataFlowLogging.builder()
 *     .timeInterval(Duration.ofSeconds(5))
 *     .nodeFilter(Set.of("fetch", "write"))
 *     .build());
 * }
 *
 * <p>The format's placeholders are {@code {node}} and the fields of {@link NodeStats}:
 * {@code {in}}, {@code {out}}, {@code {err}}, {@code {discarded}}, {@code {calls}},
 * {@code {retries}}, {@code {queued}} and {@code {active}}. {@code {discarded}} also shows a
 * join node's unmatched items, and {@code {in}} along a conditional edge counts only what passed
 * its condition; for a join, {@code " {node} - in={in}, joined={calls}, unmatched={discarded}"}
 * is a useful format. Immutable and thread-safe.
 *
 * @param nodeFormat one node's line (default {@value #DEFAULT_NODE_FORMAT})
 * @param nodeFilter the nodes to log, or empty for all
 * @param timeInterval time between logs (default 60 s)
 * @param logger where to log, or {@code null} for the executor's logger
 */
public record DataFlowLogging(
    String nodeFormat, Set<String> nodeFilter, Duration timeInterval, Logger logger) {

  /** The default line per node, as the original's. */
  public static final String DEFAULT_NODE_FORMAT = " {node} - in={in}, out={out}, err={err}";

  /** The default time between logs. */
  public static final Duration DEFAULT_TIME_INTERVAL = Duration.ofSeconds(60);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
  private static final Set<String> KNOWN = Set.of("node", "in", "out", "err", "discarded", "calls", "retries", "queued", "active");

  /** Validates the format's placeholders and the interval. */
  public DataFlowLogging {
    Objects.requireNonNull(nodeFormat, "nodeFormat");
    Matcher m = PLACEHOLDER.matcher(nodeFormat);
    while (m.find()) {
      if (!KNOWN.contains(m.group(1))) {
        throw new IllegalArgumentException("nodeFormat has an unknown placeholder {" + m.group(1)
            + "}; known: {node}, {in}, {out}, {err}, {discarded}, {calls}, {retries}, {queued}, "
            + "{active}");
      }
    }
    Objects.requireNonNull(nodeFilter, "nodeFilter");
    for (String node : nodeFilter) {
      Objects.requireNonNull(node, "nodeFilter contains a null node name");
    }
    nodeFilter = Set.copyOf(nodeFilter);
    Objects.requireNonNull(timeInterval, "timeInterval");
    if (timeInterval.isNegative() || timeInterval.isZero()) {
      throw new IllegalArgumentException("timeInterval must be positive, was " + timeInterval);
    }
  }

  /**
   * The defaults: every node, every 60 s, the default format, the executor's logger.
   *
   * @return the default settings
   */
  public static DataFlowLogging defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Formats one node's line.
   *
   * @param node the node's name
   * @param stats its statistics
   * @return the line
   */
  public String format(String node, NodeStats stats) {
    return nodeFormat
        .replace("{node}", node)
        .replace("{in}", Long.toString(stats.in()))
        .replace("{out}", Long.toString(stats.out()))
        .replace("{err}", Long.toString(stats.err()))
        .replace("{discarded}", Long.toString(stats.discarded()))
        .replace("{calls}", Long.toString(stats.calls()))
        .replace("{retries}", Long.toString(stats.retries()))
        .replace("{queued}", Integer.toString(stats.queued()))
        .replace("{active}", Integer.toString(stats.active()));
  }

  /** Builds {@link DataFlowLogging}. Not thread-safe. */
  public static final class Builder {
    private String nodeFormat = DEFAULT_NODE_FORMAT;
    private Set<String> nodeFilter = Set.of();
    private Duration timeInterval = DEFAULT_TIME_INTERVAL;
    private Logger logger;

    private Builder() {}

    /**
     * The line per node.
     *
     * @param nodeFormat a format with placeholders such as {@code {node}} and {@code {in}}
     * @return this builder
     */
    public Builder nodeFormat(String nodeFormat) {
      this.nodeFormat = Objects.requireNonNull(nodeFormat, "nodeFormat");
      return this;
    }

    /**
     * Logs only these nodes; every name must be a node of the graph when logging is turned on.
     *
     * @param nodes node names
     * @return this builder
     */
    public Builder nodeFilter(Set<String> nodes) {
      this.nodeFilter = Objects.requireNonNull(nodes, "nodeFilter");
      return this;
    }

    /**
     * Time between logs.
     *
     * @param interval positive
     * @return this builder
     */
    public Builder timeInterval(Duration interval) {
      this.timeInterval = Objects.requireNonNull(interval, "timeInterval");
      return this;
    }

    /**
     * Where to log.
     *
     * @param logger an SLF4J logger
     * @return this builder
     */
    public Builder logger(Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return immutable settings
     * @throws IllegalArgumentException if the format or interval is invalid
     */
    public DataFlowLogging build() {
      return new DataFlowLogging(nodeFormat, nodeFilter, timeInterval, logger);
    }
  }
}
