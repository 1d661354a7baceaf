package io.github.asyncgraphdataflow.flink;

import java.io.Serializable;

/**
 * What survives of one failure of a node when it travels from a task to the client: the
 * exception's class name, message and stack trace, and its cause's class name and message.
 *
 * @param seq a number that orders failures of one subtask
 * @param timeMillis when it happened (orders failures of several subtasks)
 * @param className the exception's class
 * @param message its message, or null
 * @param stackTrace its stack trace
 * @param cause the cause's class name and message, or null
 */
record KeptFailure(long seq, long timeMillis, String className, String message,
    StackTraceElement[] stackTrace, String cause) implements Serializable {

  static KeptFailure of(long seq, Throwable t) {
    Throwable c = t.getCause();
    return new KeptFailure(seq, System.currentTimeMillis(), t.getClass().getName(),
        t.getMessage(), t.getStackTrace(), c == null ? null : c.toString());
  }

  NodeFailure toException(String node) {
    return new NodeFailure(node, className, message, stackTrace, cause);
  }
}
