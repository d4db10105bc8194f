package dev.agentloop.tool.impl;

import dev.agentloop.schema.SchemaDialect;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolErrorPolicy;
import dev.agentloop.tool.Toolbox;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Collects tool sources and options; {@link #build()} checks and freezes them. */
public final class ToolboxBuilderImpl implements Toolbox.Builder {

  /** A registered source: an instance, a class, or packages to scan. */
  private record Source(
      @Nullable Object instance, @Nullable Class<?> type, List<String> packages) {}

  private final List<Source> sources = new ArrayList<>();
  private @Nullable Function<Class<?>, Object> factory;
  private @Nullable Duration defaultTimeout;
  private int maxResultChars = DEFAULT_MAX_RESULT_CHARS;
  private boolean strict;
  private SchemaDialect dialect = SchemaDialect.PORTABLE;
  private ToolErrorPolicy errorPolicy = ToolErrorPolicy.detailed();

  @Override
  public Toolbox.Builder add(Object instance) {
    Objects.requireNonNull(instance, "instance == null");
    if (instance instanceof Class<?> type) {
      return add(type);
    }
    sources.add(new Source(instance, null, List.of()));
    return this;
  }

  @Override
  public Toolbox.Builder add(Class<?> type) {
    sources.add(new Source(null, Objects.requireNonNull(type, "type == null"), List.of()));
    return this;
  }

  @Override
  public Toolbox.Builder scan(String... packages) {
    Objects.requireNonNull(packages, "packages == null");
    if (packages.length == 0) {
      throw new IllegalArgumentException("packages must not be empty");
    }
    sources.add(new Source(null, null, List.of(packages)));
    return this;
  }

  @Override
  public Toolbox.Builder instanceFactory(Function<Class<?>, Object> factory) {
    this.factory = Objects.requireNonNull(factory, "factory == null");
    return this;
  }

  @Override
  public Toolbox.Builder defaultTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be > 0: " + timeout);
    }
    this.defaultTimeout = timeout;
    return this;
  }

  @Override
  public Toolbox.Builder maxResultChars(int maxChars) {
    if (maxChars <= 0) {
      throw new IllegalArgumentException("maxChars must be > 0: " + maxChars);
    }
    this.maxResultChars = maxChars;
    return this;
  }

  @Override
  public Toolbox.Builder strict(boolean strict) {
    this.strict = strict;
    return this;
  }

  @Override
  public Toolbox.Builder dialect(SchemaDialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect == null");
    return this;
  }

  @Override
  public Toolbox.Builder errorPolicy(ToolErrorPolicy policy) {
    this.errorPolicy = Objects.requireNonNull(policy, "policy == null");
    return this;
  }

  @Override
  public Toolbox build() {
    ToolboxSettings settings =
        new ToolboxSettings(defaultTimeout, maxResultChars, strict, dialect, errorPolicy);
    Map<String, MethodTool> tools = new LinkedHashMap<>();
    for (Source source : sources) {
      if (source.instance() != null) {
        register(tools, source.instance().getClass(), source.instance(), settings);
      } else if (source.type() != null) {
        register(tools, source.type(), null, settings);
      } else {
        for (Class<?> type : scan(source.packages())) {
          register(tools, type, null, settings);
        }
      }
    }
    return new ToolboxImpl(List.copyOf(tools.values()), settings);
  }

  private void register(
      Map<String, MethodTool> tools,
      Class<?> type,
      @Nullable Object instance,
      ToolboxSettings settings) {
    List<Method> methods = toolMethods(type);
    if (methods.isEmpty()) {
      throw new IllegalArgumentException(
          "Class " + type.getName() + " declares no @Tool methods; annotate at least one method.");
    }
    for (Method method : methods) {
      Object target = null;
      if (!Modifier.isStatic(method.getModifiers())) {
        target = instance != null ? instance : instantiate(type, method);
        instance = target;
      }
      MethodTool tool = ToolDeclarations.analyze(method, target, settings);
      MethodTool previous = tools.putIfAbsent(tool.name(), tool);
      if (previous != null) {
        throw ToolDeclarations.error(
            method,
            "Tool name `"
                + tool.name()
                + "` is already used by method "
                + previous.method().getDeclaringClass().getSimpleName()
                + "."
                + previous.method().getName()
                + "; give one of them another name with @Tool(name = \"...\").");
      }
    }
  }

  /** Returns the class's @Tool methods, superclasses included, in name order. */
  private static List<Method> toolMethods(Class<?> type) {
    List<Method> methods = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Tool.class) && !method.isBridge() && !method.isSynthetic()) {
          methods.add(method);
        }
      }
    }
    methods.sort(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount));
    return methods;
  }

  private Object instantiate(Class<?> type, Method method) {
    if (factory != null) {
      return Objects.requireNonNull(
          factory.apply(type), "instanceFactory returned null for " + type.getName());
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw ToolDeclarations.error(
          method,
          "Class "
              + type.getSimpleName()
              + " is abstract, so its instance"
              + " tools need an instance; register one with add(Object) or set an instanceFactory.");
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw ToolDeclarations.error(
          method,
          "Class "
              + type.getSimpleName()
              + " has no no-arg constructor;"
              + " register an instance with add(Object) or set an instanceFactory.");
    } catch (ReflectiveOperationException | RuntimeException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalArgumentException(
          "Could not create " + type.getName() + ": " + cause, cause);
    }
  }

  private static List<Class<?>> scan(List<String> packages) {
    try (ScanResult result =
        new ClassGraph()
            .enableClassInfo()
            .enableMethodInfo()
            .enableAnnotationInfo()
            .ignoreClassVisibility()
            .ignoreMethodVisibility()
            .acceptPackages(packages.toArray(String[]::new))
            .scan()) {
      List<Class<?>> classes =
          new ArrayList<>(result.getClassesWithMethodAnnotation(Tool.class).loadClasses());
      // Abstract classes and interfaces cannot be instantiated; their concrete subclasses can be.
      classes.removeIf(c -> c.isInterface() || Modifier.isAbstract(c.getModifiers()));
      classes.sort(Comparator.comparing(Class::getName));
      return classes;
    }
  }
}
