/**
 * {@code pidmap verify}: the table of checks (explorer rows, differential rows, the pid layer,
 * the kernel), their effort levels, progress and the report.
 *
 * <p>May use: spec, model, impl, trace, engine, explorer, oracle. Never the command line.
 */
package pidmap.verify;
