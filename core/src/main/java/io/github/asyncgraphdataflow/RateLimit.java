package io.github.asyncgraphdataflow;

import java.time.Duration;
import java.util.Objects;

/**
 * A node's rate limit: at most {@code permits} calls per {@code period}, across all of the
 * node's workers, evenly spaced; at most {@code burst} calls may start at once after a quiet
 * spell. Set it per node with {@link NodeOptions.Builder#rateLimit(RateLimit)}.
 *
 * {@snippet :
 * NodeOptions fetch = NodeOptions.builder()
 *     .maxTasks(8)
 *     .rateLimit(RateLimit.of(10, Duration.ofSeconds(1)))   // one call every 100 ms
 *     .build();
 * }
 *
 * <p>The limit applies to every attempt (a retried item takes a permit per attempt), and to
 * a start node's call. A worker waits for its turn on its own (virtual) thread, sleeping
 * until the moment its permit is due (no spinning); a halt ends the wait at once. It is a
 * generic cell rate algorithm: permits are spaced {@code period / permits} apart, and a
 * burst of {@code burst} calls is allowed when the node has been idle long enough to have
 * saved them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param permits calls per period, at least 1
 * @param period the period, positive
 * @param burst how many calls may start at once, at least 1 (default 1: no burst)
 */
public record RateLimit(int permits, Duration period, int burst) {

  /** Validates the components. */
  public RateLimit {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1, was " + permits);
    }
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, was " + burst);
    }
  }

  /**
   * At most {@code permits} calls per {@code period}, evenly spaced, no burst.
   *
   * @param permits at least 1
   * @param period positive
   * @return the limit
   */
  public static RateLimit of(int permits, Duration period) {
    return new RateLimit(permits, period, 1);
  }

  /**
   * At most {@code permits} calls per second, evenly spaced, no burst.
   *
   * @param permits at least 1
   * @return the limit
   */
  public static RateLimit perSecond(int permits) {
    return of(permits, Duration.ofSeconds(1));
  }

  /**
   * This limit with another burst size.
   *
   * @param size how many calls may start at once after an idle spell, at least 1
   * @return a copy with the burst set
   */
  public RateLimit burst(int size) {
    return new RateLimit(permits, period, size);
  }

  /**
   * The time between two permits.
   *
   * @return {@code period / permits}, at least 1 ns
   */
  public Duration interval() {
    return Duration.ofNanos(Math.max(1, period.toNanos() / permits));
  }
}
