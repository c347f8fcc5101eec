/**
 * The reports of a conformance run: a terminal table (suite, scenarios, passed, first failure),
 * JSON with every verdict and shrunk trace, and JUnit XML (one test suite per suite, one test
 * case per scenario) for CI systems.
 *
 * <p>May use: spec, kit.agent, kit.suite, kit.campaign.
 */
package pidmap.kit.report;
