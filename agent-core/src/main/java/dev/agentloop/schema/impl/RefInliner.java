package dev.agentloop.schema.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Replaces each {@code $ref} to a non-recursive {@code $defs} entry by a copy of that entry, and
 * drops entries nothing refers to any more. Recursive entries stay, since only a reference can
 * express them.
 */
public final class RefInliner {

  private static final String PREFIX = "#/$defs/";

  private RefInliner() {}

  /** Inlines in place and returns the names of the recursive definitions that remain. */
  public static Set<String> inline(ObjectNode root) {
    JsonNode defsNode = root.get("$defs");
    if (!(defsNode instanceof ObjectNode defs)) {
      return Set.of();
    }
    Set<String> recursive = new HashSet<>();
    for (Iterator<String> names = defs.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (reaches(defs, defs.get(name), name, new HashSet<>())) {
        recursive.add(name);
      }
    }
    root.remove("$defs");
    replace(root, defs, recursive);
    if (!recursive.isEmpty()) {
      ObjectNode kept = root.putObject("$defs");
      for (String name : recursive) {
        JsonNode def = defs.get(name).deepCopy();
        replace(def, defs, recursive);
        kept.set(name, def);
      }
    }
    return recursive;
  }

  /**
   * Returns whether {@code node} refers (directly or through other definitions) to {@code target}.
   */
  private static boolean reaches(ObjectNode defs, JsonNode node, String target, Set<String> seen) {
    if (node.isObject() && node.has("$ref")) {
      String name = defName(node.get("$ref").asText());
      if (name != null) {
        if (name.equals(target)) {
          return true;
        }
        if (seen.add(name) && defs.has(name) && reaches(defs, defs.get(name), target, seen)) {
          return true;
        }
      }
    }
    for (JsonNode child : node) {
      if (reaches(defs, child, target, seen)) {
        return true;
      }
    }
    return false;
  }

  private static void replace(JsonNode node, ObjectNode defs, Set<String> recursive) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      String name = ref == null ? null : defName(ref.asText());
      if (name != null && !recursive.contains(name) && defs.has(name)) {
        object.remove("$ref");
        ObjectNode copy = defs.get(name).deepCopy();
        replace(copy, defs, recursive);
        // Keywords next to the $ref (a description, say) win over the definition's own.
        for (Iterator<Map.Entry<String, JsonNode>> it = copy.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          if (!object.has(entry.getKey())) {
            object.set(entry.getKey(), entry.getValue());
          }
        }
        return;
      }
    }
    for (JsonNode child : node) {
      replace(child, defs, recursive);
    }
  }

  private static @Nullable String defName(String ref) {
    return ref.startsWith(PREFIX) ? ref.substring(PREFIX.length()) : null;
  }
}
