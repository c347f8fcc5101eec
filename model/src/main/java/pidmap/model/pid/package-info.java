/**
 * The reference pid layer on plain maps and sets: struct pid, namespaces, the hash and task
 * links, each seed function written the obvious way.
 *
 * <p>May use: {@code pidmap.spec}, {@code pidmap.spec.pid}, {@code pidmap.model}.
 */
package pidmap.model.pid;
