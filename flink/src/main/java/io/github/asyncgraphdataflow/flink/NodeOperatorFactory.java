package io.github.asyncgraphdataflow.flink;

import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;

/** Makes a {@link NodeOperator} with the task's mailbox executor. */
final class NodeOperatorFactory extends AbstractStreamOperatorFactory<Object>
    implements OneInputStreamOperatorFactory<Object, Object> {
  private static final long serialVersionUID = 1L;

  private final NodePlan plan;

  NodeOperatorFactory(NodePlan plan) {
    this.plan = plan;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends StreamOperator<Object>> T createStreamOperator(
      StreamOperatorParameters<Object> parameters) {
    return (T) new NodeOperator(parameters, plan);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
    return NodeOperator.class;
  }
}
