/**
 * The seed-shaped allocator: lazily installed bitmap pages, atomic free counters, lock-free
 * alloc and free. Each class states its thread-safety, and each memory access its ordering.
 *
 * <p>May use: {@code pidmap.spec} only (never model).
 */
package pidmap.impl;
