package dev.agentloop.schema;

import java.util.Objects;

/**
 * One way a JSON value breaks its schema.
 *
 * @param path a JSON pointer to the offending value ({@code ""} for the root, {@code
 *     "/items/0/qty"} for a nested one)
 * @param keyword the schema keyword that failed ({@code required}, {@code enum}, {@code minimum},
 *     ...)
 * @param message a sentence a model can act on, e.g. {@code `/items/0/qty` must be >= 1; got 0}
 */
public record SchemaViolation(String path, String keyword, String message) {

  /** Validates the components. */
  public SchemaViolation {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(keyword, "keyword == null");
    Objects.requireNonNull(message, "message == null");
  }
}
