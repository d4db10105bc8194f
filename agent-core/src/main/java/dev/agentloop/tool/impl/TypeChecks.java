package dev.agentloop.tool.impl;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** Decides whether a parameter type can be described by a schema and bound from JSON. */
final class TypeChecks {

  private TypeChecks() {}

  /** Returns why {@code type} is unsupported, or null when it is fine. */
  static @Nullable String problem(Type type) {
    if (type instanceof TypeVariable<?> variable) {
      return "is the type variable " + variable.getName() + "; tool parameters need concrete types";
    }
    if (type instanceof WildcardType wildcard) {
      return problem(wildcard.getUpperBounds()[0]);
    }
    if (type instanceof GenericArrayType array) {
      return problem(array.getGenericComponentType());
    }
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] args = parameterized.getActualTypeArguments();
      if (Map.class.isAssignableFrom(raw)) {
        Type key = args[0];
        if (!(key == String.class || (key instanceof Class<?> c && c.isEnum()))) {
          return "has map keys of type "
              + key.getTypeName()
              + "; JSON object keys are strings, so"
              + " use Map<String, V>";
        }
        return problem(args[1]);
      }
      if (raw == Optional.class
          && args[0] instanceof ParameterizedType inner
          && inner.getRawType() == Optional.class) {
        return "nests Optional in Optional";
      }
      String rawProblem = classProblem(raw, false);
      if (rawProblem != null) {
        return rawProblem;
      }
      for (Type arg : args) {
        String problem = problem(arg);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    return type instanceof Class<?> c ? classProblem(c, true) : "is not supported";
  }

  private static @Nullable String classProblem(Class<?> type, boolean raw) {
    if (type.isArray()) {
      return problem(type.getComponentType());
    }
    if (raw && (type.getTypeParameters().length > 0)) {
      return "is the raw type "
          + type.getSimpleName()
          + "; declare its type arguments, e.g. "
          + type.getSimpleName()
          + "<String>";
    }
    if (type == Object.class) {
      return "is Object, which says nothing about the expected JSON; use a concrete type";
    }
    if (Future.class.isAssignableFrom(type)
        || CompletionStage.class.isAssignableFrom(type)
        || type == Class.class
        || Thread.class.isAssignableFrom(type)) {
      return "is " + type.getSimpleName() + ", which cannot be read from JSON";
    }
    boolean container =
        Collection.class.isAssignableFrom(type)
            || Map.class.isAssignableFrom(type)
            || JsonNode.class.isAssignableFrom(type);
    boolean polymorphic = type.isAnnotationPresent(JsonTypeInfo.class);
    if (!type.isPrimitive()
        && !container
        && !polymorphic
        && (type.isInterface() || Modifier.isAbstract(type.getModifiers()))
        && !Number.class.isAssignableFrom(type)
        && !type.getName().startsWith("java.time.")) {
      return "is the "
          + (type.isInterface() ? "interface " : "abstract class ")
          + type.getSimpleName()
          + ", which cannot be built from JSON; use a record or a class"
          + " (or annotate it with @JsonTypeInfo)";
    }
    return null;
  }
}
