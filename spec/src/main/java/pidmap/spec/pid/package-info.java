/**
 * The contract of pid.c above the bitmap: struct pid, pid namespaces, the pid hash, task links
 * and lookups ({@link pidmap.spec.pid.PidLayer}), their argument checks ({@link
 * pidmap.spec.pid.LayerRequire}) and the seed's hash function ({@link
 * pidmap.spec.pid.PidHashing}).
 *
 * <p>May use: {@code pidmap.spec} and the JDK.
 */
package pidmap.spec.pid;
