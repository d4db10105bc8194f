package dev.agentloop.tool.impl;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders a class's methods as they are declared in its source: javac writes methods to the class
 * file in that order, while {@link Class#getDeclaredMethods()} promises none. Reads only the
 * constant pool and the method table; falls back to name order when the class file is not there.
 */
final class MethodOrder {

  private MethodOrder() {}

  /** Sorts {@code methods}, all declared by {@code type}, into declaration order. */
  static void sort(Class<?> type, List<Method> methods) {
    Map<String, Integer> positions = positions(type);
    Comparator<Method> byName =
        Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount);
    if (positions.isEmpty()) {
      methods.sort(byName);
      return;
    }
    methods.sort(
        Comparator.<Method>comparingInt(
                m -> positions.getOrDefault(m.getName() + descriptor(m), Integer.MAX_VALUE))
            .thenComparing(byName));
  }

  /** Returns method name + descriptor → index in the class file, or empty if unreadable. */
  private static Map<String, Integer> positions(Class<?> type) {
    String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream raw = type.getResourceAsStream(file)) {
      if (raw == null) {
        return Map.of();
      }
      DataInputStream in = new DataInputStream(raw);
      in.skipBytes(8); // magic, minor, major
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 7, 8, 16, 19, 20 -> in.skipBytes(2);
          case 15 -> in.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> {
            in.skipBytes(8);
            i++;
          }
          default -> {
            return Map.of();
          }
        }
      }
      in.skipBytes(6); // access, this, super
      in.skipBytes(2 * in.readUnsignedShort()); // interfaces
      skipMembers(in); // fields
      int methods = in.readUnsignedShort();
      Map<String, Integer> positions = new HashMap<>();
      for (int i = 0; i < methods; i++) {
        in.skipBytes(2);
        String name = utf8[in.readUnsignedShort()];
        String descriptor = utf8[in.readUnsignedShort()];
        positions.putIfAbsent(name + descriptor, i);
        skipAttributes(in);
      }
      return positions;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  private static void skipMembers(DataInputStream in) throws IOException {
    int count = in.readUnsignedShort();
    for (int i = 0; i < count; i++) {
      in.skipBytes(6);
      skipAttributes(in);
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int count = in.readUnsignedShort();
    for (int i = 0; i < count; i++) {
      in.skipBytes(2);
      in.skipNBytes(in.readInt());
    }
  }

  private static String descriptor(Method method) {
    StringBuilder b = new StringBuilder("(");
    for (Class<?> p : method.getParameterTypes()) {
      b.append(p.descriptorString());
    }
    return b.append(')').append(method.getReturnType().descriptorString()).toString();
  }
}
