/**
 * The explorer side by side with SPIN: runs the Promela models of {@code explorer/spin/} (built
 * into the jar as resources) through spin, gcc and pan on the same scopes, reads their counts
 * and CPU time, and writes the comparison table of docs/EXPLORER.md.
 *
 * <p>May use: spec, model, impl, trace, engine, explorer.
 */
package pidmap.explorer.spin;
