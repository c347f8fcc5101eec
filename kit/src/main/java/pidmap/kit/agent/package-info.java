/**
 * The agent side of docs/AGENT-PROTOCOL.md: the hello line, the reply grammar, a client for an
 * agent process (one request and one reply per line, a timeout on every reply, verdicts for a
 * hang, a crash or garbage) and an in-process agent around a JVM {@code PidAllocator}.
 *
 * <p>May use: spec, model, impl, trace, engine, oracle.
 */
package pidmap.kit.agent;
