package io.github.asyncgraphdataflow.flink;

/**
 * The source of a start node: sends its one {@link StartToken} and ends. A plain (legacy)
 * source function on purpose: a new-style source has a coordinator on the job manager, whose
 * own error when it finds a task already failed can be reported as the job's failure instead
 * of the halt or serialization error that failed the task.
 */
@SuppressWarnings("deprecation")
final class TokenSource
    implements org.apache.flink.streaming.api.functions.source.legacy.SourceFunction<Object> {
  private static final long serialVersionUID = 1L;

  private final StartToken token;

  TokenSource(StartToken token) {
    this.token = token;
  }

  @Override
  public void run(SourceContext<Object> ctx) {
    synchronized (ctx.getCheckpointLock()) {
      ctx.collect(token);
    }
  }

  @Override
  public void cancel() {
    // one element: nothing to interrupt
  }
}
