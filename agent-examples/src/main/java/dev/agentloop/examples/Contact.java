package dev.agentloop.examples;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Contact details pulled out of free text by the {@code extract} example. The model's answer is
 * validated against this record's JSON schema (the constraints become schema keywords) and then by
 * the compact constructor.
 *
 * @param name the person's full name
 * @param email the e-mail address, or null when the text has none
 * @param phone the phone number as written, or null
 * @param company the organisation the person works for, or null
 */
public record Contact(
    String name,
    @Nullable @Email String email,
    @Nullable @Pattern(regexp = "^\\+?[0-9 ().-]{7,}$") String phone,
    @Nullable String company) {

  /** Validates the name. */
  public Contact {
    if (Objects.requireNonNull(name, "name == null").isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }
}
