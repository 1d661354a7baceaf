/**
 * Implementation: not exported, not API. The execution engine's design note is on
 * {@link io.github.asyncgraphdataflow.internal.Execution}.
 */
package io.github.asyncgraphdataflow.internal;
