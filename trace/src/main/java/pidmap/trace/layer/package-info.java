/**
 * The pid layer's operation vocabulary ({@link pidmap.trace.layer.LayerOp}) and its JSON form.
 *
 * <p>May use: {@code pidmap.spec}, {@code pidmap.spec.pid}, {@code pidmap.trace}.
 */
package pidmap.trace.layer;
