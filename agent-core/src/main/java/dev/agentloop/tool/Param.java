package dev.agentloop.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one parameter of a {@link Tool} method.
 *
 * <p>Parameters are required unless {@link #required()} is {@code false}, the type is {@code
 * Optional<T>}, or a {@link #defaultValue()} is given. A default value is parsed and checked
 * against the parameter's type when the toolbox is built, and applied when the model omits the
 * argument.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {

  /** Marker for "no default value"; an annotation attribute cannot be null. */
  String NO_DEFAULT = "\u0000agentloop:no-default\u0000";

  /**
   * The parameter's name in the schema; defaults to the Java parameter name (which requires
   * compiling with {@code -parameters}).
   */
  String name() default "";

  /** What the parameter means, written for the model. */
  String description() default "";

  /** Whether the model must supply the argument. */
  boolean required() default true;

  /**
   * The value used when the model omits the argument, written as JSON or as a bare string (for
   * string and enum parameters). Implies not required.
   */
  String defaultValue() default NO_DEFAULT;
}
