package dev.agentloop.schema.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.agentloop.schema.SchemaViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns networknt errors into sentences a model can act on. */
final class ViolationMessages {

  private static final int MAX_VALUE_CHARS = 60;

  private static final Map<String, String> FORMAT_EXAMPLES =
      Map.of(
          "date", "2024-05-31",
          "date-time", "2024-05-31T14:30:00Z",
          "time", "14:30:00Z",
          "duration", "PT15M",
          "uuid", "123e4567-e89b-12d3-a456-426614174000",
          "uri", "https://example.com/path",
          "email", "name@example.com");

  /** The patterns the generator and the linter write for well-known types, by what they mean. */
  private static final Map<String, String> PATTERN_NAMES =
      Map.ofEntries(
          Map.entry(JavaTypes.BASE64, "base64 text such as AQID"),
          Map.entry(JavaTypes.ZONE_ID, "a zone id such as Europe/Paris"),
          Map.entry(JavaTypes.URI, "an absolute URI such as https://example.com/path"),
          Map.entry(JavaTypes.DURATION, "a duration such as PT1H30M"),
          Map.entry(JavaTypes.PERIOD, "a period such as P1Y2M3D"),
          Map.entry(JavaTypes.DATE, "a valid date such as 2024-05-31"),
          Map.entry(JavaTypes.OFFSET_TIME, "a valid time such as 14:30:00Z"),
          Map.entry(JavaTypes.UUID, "a valid uuid such as 123e4567-e89b-12d3-a456-426614174000"),
          Map.entry(JavaTypes.LOCAL_TIME, "a local time such as 14:30:00"),
          Map.entry(JavaTypes.LOCAL_DATE_TIME, "a local date-time such as 2024-05-31T14:30:00"),
          Map.entry(JavaTypes.YEAR, "a year such as 2024"),
          Map.entry(JavaTypes.YEAR_MONTH, "a year and month such as 2024-05"),
          Map.entry(JavaTypes.MONTH_DAY, "a month and day such as --05-31"),
          Map.entry(JavaTypes.ZONE_OFFSET, "an offset such as +02:00 or Z"));

  private ViolationMessages() {}

  static SchemaViolation toViolation(Error error, boolean arguments) {
    String path = error.getInstanceLocation().toString();
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    if (keyword.equals("required") || keyword.equals("additionalProperties")) {
      String property = String.valueOf(error.getProperty());
      String child = path + "/" + escape(property);
      return new SchemaViolation(
          child, keyword, propertyMessage(keyword, path, property, arguments));
    }
    JsonNode value = error.getInstanceNode();
    JsonNode limit = error.getSchemaNode();
    String subject = subject(path, arguments);
    String got = "; got " + render(value);
    String message =
        switch (keyword) {
          case "type" -> subject + " must be " + typeNames(limit) + got;
          case "enum" -> subject + " must be one of " + join(limit) + got;
          case "const" -> subject + " must be " + render(limit) + got;
          case "minimum" -> subject + " must be >= " + limit + got;
          case "maximum" -> subject + " must be <= " + limit + got;
          case "exclusiveMinimum" -> subject + " must be > " + limit + got;
          case "exclusiveMaximum" -> subject + " must be < " + limit + got;
          case "minLength" -> subject + " must have at least " + limit + " characters" + got;
          case "maxLength" ->
              subject
                  + " must have at most "
                  + limit
                  + " characters; got "
                  + value.asText().length();
          case "pattern" ->
              subject
                  + " must "
                  + (PATTERN_NAMES.containsKey(limit.asText())
                      ? "be " + PATTERN_NAMES.get(limit.asText())
                      : "match the pattern " + limit.asText())
                  + got;
          case "minItems" ->
              subject + " must have at least " + limit + " items; got " + value.size();
          case "maxItems" ->
              subject + " must have at most " + limit + " items; got " + value.size();
          case "uniqueItems" -> subject + " must not contain duplicate items";
          case "format" -> formatMessage(subject, limit.asText()) + got;
          default -> subject + " " + error.getMessage();
        };
    return new SchemaViolation(path, keyword, message);
  }

  private static String propertyMessage(
      String keyword, String parent, String property, boolean arguments) {
    boolean argument = arguments && parent.isEmpty();
    String name =
        argument ? "argument `" + property + "`" : "property `" + parent + "/" + property + "`";
    return keyword.equals("required") ? "missing required " + name : "unknown " + name;
  }

  private static String subject(String path, boolean arguments) {
    if (path.isEmpty()) {
      return arguments ? "the arguments" : "the value";
    }
    if (arguments && path.indexOf('/', 1) < 0) {
      return "argument `" + path.substring(1) + "`";
    }
    return "`" + path + "`";
  }

  private static String formatMessage(String subject, String format) {
    String example = FORMAT_EXAMPLES.get(format);
    return subject + " must be a valid " + format + (example == null ? "" : " such as " + example);
  }

  private static String typeNames(JsonNode type) {
    List<String> names = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(each -> names.add(article(each.asText())));
    } else {
      names.add(article(type.asText()));
    }
    return String.join(" or ", names);
  }

  private static String article(String type) {
    return switch (type) {
      case "null" -> "null";
      case "integer", "object", "array" -> "an " + type;
      default -> "a " + type;
    };
  }

  private static String join(JsonNode values) {
    List<String> names = new ArrayList<>();
    values.forEach(each -> names.add(each.isTextual() ? each.asText() : each.toString()));
    return String.join(", ", names);
  }

  private static String render(JsonNode value) {
    String text = value.toString();
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
  }

  private static String escape(String property) {
    return property.replace("~", "~0").replace("/", "~1");
  }
}
