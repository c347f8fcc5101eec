/**
 * The exhaustive small-scope explorer: every reachable state of a small geometry (or every
 * state within a depth), every operation from each, on model and impl through the engine.
 *
 * <p>May use: spec, model, impl, trace, engine.
 */
package pidmap.explorer;
