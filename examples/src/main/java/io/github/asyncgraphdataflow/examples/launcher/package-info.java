/**
 * Starts a program of the examples from Maven so that the terminal shows only the program's
 * own output and Maven's exit code is the program's: {@link
 * io.github.asyncgraphdataflow.examples.launcher.LaunchSpec} runs on the JDK 21+ that the build
 * selected and writes down where that JDK and the class path are;
 * {@link io.github.asyncgraphdataflow.examples.launcher.Launch} runs inside Maven's own JVM
 * (exec-maven-plugin's {@code exec:java}; it may be Java 17, so this package is compiled for
 * Java 17), starts the program on that JDK with the terminal as its input and output, waits for
 * it, and ends Maven with the program's exit code, with no Maven error report.
 */
package io.github.asyncgraphdataflow.examples.launcher;
