/**
 * Shrinking: a generic delta-debugging minimizer, the allocator-trace shrinker that keeps a
 * failure's signature, and the argument simplifier.
 *
 * <p>May use: spec, trace, {@code pidmap.engine}.
 */
package pidmap.engine.shrink;
