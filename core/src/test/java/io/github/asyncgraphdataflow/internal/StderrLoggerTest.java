package io.github.asyncgraphdataflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLoggerFactory;

/** The fallback is chosen exactly when SLF4J has no provider, and writes WARN and ERROR only. */
class StderrLoggerTest {

  @Test
  void withTheNoOperationFactoryWarnAndErrorGoToTheStream() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    Logger logger = StderrLogger.orFallback(new NOPLoggerFactory(), "exec", err);
    logger.info("not shown {}", 1);
    logger.debug("not shown");
    logger.warn("stuck nodes: {}", "a, b");
    logger.error("Exception in node '{}'", "parse", new IllegalStateException("boom"));

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("not shown");
    assertThat(text).contains(" WARN [" + Thread.currentThread().getName() + "] exec - stuck nodes: a, b");
    assertThat(text).contains(" ERROR [").contains("exec - Exception in node 'parse'");
    assertThat(text).contains("java.lang.IllegalStateException: boom").contains("\tat ");
    assertThat(logger.isInfoEnabled()).isFalse();
    assertThat(logger.isErrorEnabled()).isTrue();
  }

  @Test
  void withARealProviderItsLoggerIsUsed() {
    Logger real = org.slf4j.LoggerFactory.getLogger("real");
    ILoggerFactory factory = name -> real;

    assertThat(StderrLogger.orFallback(factory, "exec", System.err)).isSameAs(real);
  }
}
