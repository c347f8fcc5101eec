/**
 * The conformance kit: checks anyone's pid allocator against Linux. An allocator is an agent of
 * the line protocol of docs/AGENT-PROTOCOL.md (a process, or a JVM {@code PidAllocator} in
 * process); {@link pidmap.kit.suite} runs the named suites, {@link pidmap.kit.campaign} the
 * generated lockstep campaign against the model, {@link pidmap.kit.report} writes the reports,
 * {@link pidmap.kit.junit} is the JUnit 5 test kit. {@link pidmap.kit.Conformance} ties them.
 *
 * <p>May use: spec, model, impl, trace, engine, oracle.
 */
package pidmap.kit;
