/**
 * The {@code pidmap} command line (picocli): replay, shrink, verify, kernel, conform. Parses flags,
 * reports bad input in one line with exit code 2, and hands the work to the modules below.
 *
 * <p>May use: everything below it; nothing uses it.
 */
package pidmap.cli;
