/**
 * Brute-force renditions of each profile's search, written from the kernel's lines over a plain
 * {@link java.util.BitSet}: the independent oracles of ALLOC-2 (a free candidate existed) and
 * PIDMAP-3 (which pages a search passes through). They share no code with the model (which
 * states the rule as candidate ranges) or with the impl (which runs it on atomic pages and
 * counters); docs/INVARIANTS.md lists them in its "oracle" column.
 *
 * <p>May use: spec only.
 */
package pidmap.engine.scan;
