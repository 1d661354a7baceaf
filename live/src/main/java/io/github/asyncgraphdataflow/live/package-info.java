/**
 * A live web page of a running graph: {@link io.github.asyncgraphdataflow.live.LiveView}
 * serves it from the JDK's HTTP server, with no web framework and no dependency.
 */
package io.github.asyncgraphdataflow.live;
