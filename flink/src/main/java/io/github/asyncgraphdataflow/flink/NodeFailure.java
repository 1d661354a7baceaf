package io.github.asyncgraphdataflow.flink;

import java.io.Serial;

/**
 * A failure of a node function in a Flink task, as the client sees it: the original exception
 * does not travel (its class may not even be on the client's class path, and it may hold
 * anything), so what is kept per failure is its class name ({@link #exceptionClassName()}),
 * its message ({@link #getMessage()}, the same text), its stack trace
 * ({@link #getStackTrace()}) and its cause as text ({@link #causeDescription()}).
 */
public final class NodeFailure extends RuntimeException {
  @Serial
  private static final long serialVersionUID = 1L;

  private final String node;
  private final String exceptionClassName;
  private final String originalMessage;
  private final String causeDescription;

  NodeFailure(String node, String className, String message, StackTraceElement[] stack,
      String cause) {
    super(message, null, false, true);
    this.node = node;
    this.exceptionClassName = className;
    this.originalMessage = message;
    this.causeDescription = cause;
    if (stack != null) {
      setStackTrace(stack);
    }
  }

  /**
   * The node whose function failed.
   *
   * @return the node's name
   */
  public String node() {
    return node;
  }

  /**
   * The class of the exception the node function threw (or emitted).
   *
   * @return a fully qualified class name
   */
  public String exceptionClassName() {
    return exceptionClassName;
  }

  /**
   * The cause of the original exception, as its {@code toString()}.
   *
   * @return the cause's description, or null if it had none
   */
  public String causeDescription() {
    return causeDescription;
  }

  @Override
  public String toString() {
    return exceptionClassName + (originalMessage == null ? "" : ": " + originalMessage);
  }
}
