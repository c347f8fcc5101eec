/**
 * The interleaving explorer: two or three threads, each running a short sequence of alloc, free
 * and next on the real impl, with every shared-memory access of the impl one step and every
 * order of the steps explored (breadth-first, each state once), through the impl's memory seam.
 * Checks ownership, the counters and the allocated set at quiescence, that last_pid never moves
 * backward, and classifies each execution's history against the sequential specifications.
 *
 * <p>May use: spec, model, impl, trace, engine, explorer.
 */
package pidmap.explorer.interleave;
