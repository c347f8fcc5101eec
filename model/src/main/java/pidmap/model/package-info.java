/**
 * The reference allocator: a sorted set and each profile's search rule written as candidate
 * ranges. The simplest code that is obviously right; sequential.
 *
 * <p>May use: {@code pidmap.spec} only (never impl: a bug written twice hides from the
 * comparison).
 */
package pidmap.model;
