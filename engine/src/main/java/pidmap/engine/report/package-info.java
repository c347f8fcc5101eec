/**
 * Machine-readable reports of any check, for CI systems: the formats ({@code text}, {@code
 * json}, {@code junit}), a verdict per test case, JSON and JUnit XML writers. Knows nothing of
 * allocators or traces; the command line (and any other front end, e.g. a conformance kit) fills
 * it with its own rows or steps.
 *
 * <p>May use: the JDK and Jackson only.
 */
package pidmap.engine.report;
