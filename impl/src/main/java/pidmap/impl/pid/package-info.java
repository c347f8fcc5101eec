/**
 * The seed-shaped pid layer: struct pid with per-level numbers, the pid hash with lock-free
 * readers, task links, namespaces over the bitmap allocator of {@code pidmap.impl}.
 *
 * <p>May use: {@code pidmap.spec}, {@code pidmap.spec.pid}, {@code pidmap.impl}.
 */
package pidmap.impl.pid;
