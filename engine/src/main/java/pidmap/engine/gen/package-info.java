/**
 * The generator of allocator traces (seeded, weighted toward page edges, wraps, exhaustion and
 * pid_max changes) and the campaign that runs them through the engine and shrinks a failure.
 *
 * <p>May use: spec, model, impl, trace, {@code pidmap.engine}, {@code pidmap.engine.shrink}.
 */
package pidmap.engine.gen;
