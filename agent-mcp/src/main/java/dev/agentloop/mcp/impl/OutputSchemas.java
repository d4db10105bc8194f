package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.tool.Tool;
import io.vertx.core.Future;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Output schemas of {@code @Tool} methods, from their return types. */
public final class OutputSchemas {

  private OutputSchemas() {}

  /** Returns the object schemas of the {@code @Tool} methods of a class, by tool name. */
  public static Map<String, JsonNode> of(Class<?> type) {
    Map<String, JsonNode> schemas = new LinkedHashMap<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        Tool tool = m.getAnnotation(Tool.class);
        if (tool == null) {
          continue;
        }
        String name = tool.name().isEmpty() ? m.getName() : tool.name();
        Type result = unwrap(m.getGenericReturnType());
        if (result instanceof Class<?> k
            && (k.isPrimitive()
                || k == Void.class
                || k == String.class
                || Number.class.isAssignableFrom(k)
                || k == Boolean.class
                || CharSequence.class.isAssignableFrom(k)
                || k.isEnum()
                || k.isArray()
                || Iterable.class.isAssignableFrom(k))) {
          continue;
        }
        ObjectNode schema = JsonSchemas.forType(result);
        if ("object".equals(schema.path("type").asText())) {
          schemas.putIfAbsent(name, schema);
        }
      }
    }
    return schemas;
  }

  private static Type unwrap(Type t) {
    if (t instanceof ParameterizedType p
        && p.getRawType() instanceof Class<?> raw
        && (Future.class.isAssignableFrom(raw) || CompletionStage.class.isAssignableFrom(raw))) {
      return p.getActualTypeArguments()[0];
    }
    return t;
  }
}
