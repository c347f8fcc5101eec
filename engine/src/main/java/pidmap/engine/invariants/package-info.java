/**
 * The allocator invariants' predicates: for each id of the catalog in spec, the code that decides
 * after a step whether it holds, reading the step through {@link
 * pidmap.engine.invariants.Step}.
 *
 * <p>May use: spec, trace and {@code pidmap.engine.scan}.
 */
package pidmap.engine.invariants;
