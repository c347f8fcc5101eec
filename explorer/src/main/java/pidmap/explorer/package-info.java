/**
 * The exhaustive small-scope explorer: every state of a small geometry (its whole product,
 * enumerated directly, or every state within a depth, breadth-first), every operation from each,
 * on the model and the impl put at the state without a path to it (the impl through its
 * {@code PidmapMemory} seam), both answers and both whole states compared. Subpackages: the
 * interleaving explorer ({@code interleave}) and the comparison with SPIN ({@code spin}).
 *
 * <p>May use: spec, model, impl, trace, engine.
 */
package pidmap.explorer;
