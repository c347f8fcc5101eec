/**
 * The allocator's operation vocabulary ({@link pidmap.trace.Op}, {@link pidmap.trace.Outcome},
 * {@link pidmap.trace.Expect}) and the trace format: JSON Lines read and written with line
 * numbers and exact messages for every malformed line.
 *
 * <p>May use: {@code pidmap.spec} and Jackson. Knows nothing of model, impl or the engine.
 */
package pidmap.trace;
