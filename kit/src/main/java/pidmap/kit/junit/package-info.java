/**
 * The JUnit 5 test kit: the named suites and the lockstep campaign as dynamic tests (one per
 * scenario) for a JVM {@code PidAllocator}. A project adds pidmap-kit as a test dependency and
 * returns {@link pidmap.kit.junit.PidAllocatorConformance#tests()} from a {@code @TestFactory}.
 *
 * <p>May use: spec, model, trace, engine, oracle, kit.agent, kit.suite, kit.campaign; JUnit's
 * API (provided by the project that uses it).
 */
package pidmap.kit.junit;
