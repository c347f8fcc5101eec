/**
 * The differential engine: runs operations on the model and on a candidate allocator in
 * lockstep, compares answers and states after every step, and checks every invariant on both.
 * One engine serves the command line and the tests.
 *
 * <p>May use: spec, model, impl, trace, and {@code pidmap.engine.invariants}.
 */
package pidmap.engine;
