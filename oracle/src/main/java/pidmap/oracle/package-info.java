/**
 * The live Linux kernel as an oracle: a C agent (src/main/c) runs as pid 1 of fresh PID
 * namespaces and answers alloc-like requests with real forks; lockstep runs compare it with the
 * model, step by step, for the allocator and for nested namespaces.
 *
 * <p>May use: spec, model, impl, trace, engine.
 */
package pidmap.oracle;
