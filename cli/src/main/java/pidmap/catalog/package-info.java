/**
 * Writes docs/INVARIANTS.md from the invariant catalog and the checks that name each invariant.
 *
 * <p>May use: spec, engine.
 */
package pidmap.catalog;
