package io.github.asyncgraphdataflow;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A node's retry policy: how many times a failed call is attempted, how long to wait between
 * attempts, and which failures are worth another attempt. Set it per node with
 * {@link NodeOptions.Builder#retry(Retry)}; the default, {@link #none()}, retries nothing.
 *
 * {@snippet :
 * NodeOptions fetch = NodeOptions.builder()
 *     .retry(Retry.of(5)                                               // up to 5 attempts
 *         .backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(5)) // 100 ms, 200 ms, ...
 *         .jitter(0.2)                                                 // each wait +-20%
 *         .retryOn(IOException.class))                                 // only I/O failures
 *     .build();
 * }
 *
 * <p><b>What is retried.</b> Without {@link #retryOn} or {@link #retryIf}, every
 * {@link Exception} (a {@link java.util.concurrent.TimeoutException} of the node's
 * {@linkplain NodeOptions.Builder#timeout call timeout} too) is retried; each of those calls
 * adds a condition, and a failure is retried when any condition holds. An {@link Error} is
 * never retried (it halts the graph), nor is anything once the graph has halted: a halt ends
 * a back-off wait at once, and the failure that was waiting counts as final.
 *
 * <p><b>Counting.</b> The item counts once in the node's {@code calls}, each further attempt in
 * its {@code retries}, and only the last failure in its {@code err} (and in
 * {@code exceptions()}, the logs, and the node's error edges). Listeners hear
 * {@link ExecutionListener#callFinished} once per attempt.
 *
 * <p><b>What a failed attempt emitted.</b> An attempt's emits are held and handed on only
 * when the attempt returns normally, so that an item never reaches a destination twice; the
 * emits of an attempt that is retried are dropped (the next attempt emits again), those of
 * the last attempt are handed on, as a call without a policy would. An attempt holds at most
 * {@link #holdLimit(int) holdLimit} items (default {@value #DEFAULT_HOLD_LIMIT}): at its next
 * emit, the held items and every later emit of that attempt are handed on at once, and the
 * attempt can no longer be retried (its failure is final). {@code holdLimit(0)} streams every
 * emit at once: an attempt is then retried only if it failed before its first emit.
 *
 * <p>Immutable and thread-safe: every method returns a new policy.
 */
public final class Retry {
  /** The default number of items an attempt may hold. */
  public static final int DEFAULT_HOLD_LIMIT = 10_000;

  private static final Retry NONE = new Retry(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0, null,
      DEFAULT_HOLD_LIMIT, null);

  private final int maxAttempts;
  private final Duration initial;
  private final double multiplier;
  private final Duration max;
  private final double jitter;
  private final Predicate<? super Throwable> condition;
  private final int holdLimit;
  private final Function<? super Throwable, Duration> retryAfter;

  private Retry(int maxAttempts, Duration initial, double multiplier, Duration max, double jitter,
      Predicate<? super Throwable> condition, int holdLimit,
      Function<? super Throwable, Duration> retryAfter) {
    this.maxAttempts = maxAttempts;
    this.initial = initial;
    this.multiplier = multiplier;
    this.max = max;
    this.jitter = jitter;
    this.condition = condition;
    this.holdLimit = holdLimit;
    this.retryAfter = retryAfter;
  }

  /**
   * No retry: one attempt per item (the default of every node).
   *
   * @return the policy that retries nothing
   */
  public static Retry none() {
    return NONE;
  }

  /**
   * Up to {@code maxAttempts} attempts per item (the first one included), waiting 100 ms
   * before the first retry and twice as long before each next one, at most 10 s.
   *
   * @param maxAttempts at least 1 (1 retries nothing)
   * @return a new policy
   * @throws IllegalArgumentException if {@code maxAttempts < 1}
   */
  public static Retry of(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    return new Retry(maxAttempts, Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), 0.0, null,
        DEFAULT_HOLD_LIMIT, null);
  }

  /**
   * Exponential back-off: wait {@code initial} before the first retry, then
   * {@code multiplier} times longer before each next one, never longer than {@code max}.
   *
   * @param initial the first wait, zero or more
   * @param multiplier at least 1 (1 waits {@code initial} every time)
   * @param max the longest wait, at least {@code initial}
   * @return a new policy
   * @throws IllegalArgumentException if an argument is out of range
   */
  public Retry backoff(Duration initial, double multiplier, Duration max) {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative()) {
      throw new IllegalArgumentException("initial must not be negative, was " + initial);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "max must be at least initial (" + initial + "), was " + max);
    }
    return new Retry(maxAttempts, initial, multiplier, max, jitter, condition, holdLimit,
        retryAfter);
  }

  /**
   * The same wait before every retry.
   *
   * @param delay zero or more
   * @return a new policy
   */
  public Retry backoff(Duration delay) {
    return backoff(delay, 1.0, Objects.requireNonNull(delay, "delay"));
  }

  /**
   * Spreads each wait randomly by up to this fraction either way, so that workers that failed
   * together do not retry together.
   *
   * @param fraction from 0 (default: exact waits) to 1
   * @return a new policy
   * @throws IllegalArgumentException if out of range
   */
  public Retry jitter(double fraction) {
    if (!(fraction >= 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + fraction);
    }
    return new Retry(maxAttempts, initial, multiplier, max, fraction, condition, holdLimit,
        retryAfter);
  }

  /**
   * Retries failures of these types (and their subtypes), besides those other conditions
   * allow.
   *
   * @param types one or more exception types
   * @return a new policy
   */
  @SafeVarargs
  public final Retry retryOn(Class<? extends Throwable>... types) {
    Objects.requireNonNull(types, "types");
    if (types.length == 0) {
      throw new IllegalArgumentException("retryOn needs at least one type");
    }
    Class<?>[] copy = new Class<?>[types.length];
    for (int i = 0; i < types.length; i++) {
      copy[i] = Objects.requireNonNull(types[i], "types[" + i + "]");
    }
    return retryIf(t -> {
      for (Class<?> type : copy) {
        if (type.isInstance(t)) {
          return true;
        }
      }
      return false;
    });
  }

  /**
   * Retries failures that match the predicate, besides those other conditions allow.
   *
   * {@snippet :
   * Retry.of(4).retryIf(t -> t instanceof HttpStatusException h && h.status() == 429);
   * }
   *
   * @param predicate true for a failure worth another attempt; must be thread-safe
   * @return a new policy
   */
  public Retry retryIf(Predicate<? super Throwable> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    Predicate<? super Throwable> before = condition;
    Predicate<? super Throwable> combined =
        before == null ? predicate : t -> before.test(t) || predicate.test(t);
    return new Retry(maxAttempts, initial, multiplier, max, jitter, combined, holdLimit,
        retryAfter);
  }

  /**
   * How many emitted items one attempt may hold back until it succeeds (see the class
   * description).
   *
   * @param items zero (stream every emit) or more; default {@value #DEFAULT_HOLD_LIMIT}
   * @return a new policy
   * @throws IllegalArgumentException if negative
   */
  public Retry holdLimit(int items) {
    if (items < 0) {
      throw new IllegalArgumentException("holdLimit must not be negative, was " + items);
    }
    return new Retry(maxAttempts, initial, multiplier, max, jitter, condition, items,
        retryAfter);
  }

  /**
   * Lets a failure say how long to wait before the next attempt, as an HTTP 429 or 503 answer
   * does with {@code Retry-After}: when {@code hint} returns a duration for the failure, that
   * wait is used as is (no cap, no jitter) instead of the back-off; when it returns
   * {@code null}, the back-off applies.
   *
   * {@snippet :
   * Retry.of(5)
   *     .retryIf(t -> t instanceof HttpStatusException h && h.status() == 429)
   *     .retryAfter(t -> t instanceof HttpStatusException h ? h.retryAfter() : null);
   * }
   *
   * @param hint the wait a failure asks for, or {@code null}; must be thread-safe
   * @return a new policy
   */
  public Retry retryAfter(Function<? super Throwable, Duration> hint) {
    Objects.requireNonNull(hint, "hint");
    return new Retry(maxAttempts, initial, multiplier, max, jitter, condition, holdLimit, hint);
  }

  /**
   * The wait before a retry after this failure, without jitter: the failure's own hint
   * ({@link #retryAfter}) if it gives one, else {@link #delay(int)}.
   *
   * @param retry 1 for the wait before the second attempt, 2 before the third, ...
   * @param failure the failure of the attempt before
   * @return the wait; a negative hint counts as zero
   */
  public Duration delay(int retry, Throwable failure) {
    Duration hint = retryAfter == null ? null : retryAfter.apply(failure);
    if (hint == null) {
      return delay(retry);
    }
    return hint.isNegative() ? Duration.ZERO : hint;
  }

  /**
   * The most attempts per item, the first one included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * How many emits an attempt may hold.
   *
   * @return zero or more
   */
  public int holdLimit() {
    return holdLimit;
  }

  /**
   * Whether this failure may be attempted again (attempts left aside): an {@link Exception}
   * the conditions allow; never an {@link Error}.
   *
   * @param failure what an attempt threw
   * @return true if it is worth another attempt
   */
  public boolean retries(Throwable failure) {
    if (failure instanceof Error || failure instanceof GraphHaltedException) {
      return false;
    }
    return condition == null ? failure instanceof Exception : condition.test(failure);
  }

  /**
   * The wait before a retry, without jitter.
   *
   * @param retry 1 for the wait before the second attempt, 2 before the third, ...
   * @return the wait
   */
  public Duration delay(int retry) {
    double nanos = initial.toNanos() * Math.pow(multiplier, Math.max(0, retry - 1));
    return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
  }

  /**
   * How much each wait is spread randomly, either way.
   *
   * @return a fraction from 0 to 1
   */
  public double jitter() {
    return jitter;
  }

  @Override
  public String toString() {
    return maxAttempts == 1 ? "Retry.none()" : "Retry.of(" + maxAttempts + ").backoff(" + initial
        + ", " + multiplier + ", " + max + ").jitter(" + jitter + ")"
        + (condition == null ? "" : ".retryIf(...)") + ".holdLimit(" + holdLimit + ")";
  }
}
