package dev.agentloop.openrouter.impl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.agentloop.openrouter.ToolDefinition;
import java.io.IOException;
import java.util.List;

/**
 * Writes a request's {@code tools} array from its encoded form: an agent sends the same tool list
 * (the same {@code List} instance, from its toolbox) on every step of every run, so it is encoded
 * once per thread and list instead of walking every schema tree again.
 *
 * <p>Each thread remembers the last list it encoded and compares the next one element by element,
 * by identity: a request copies the toolbox's list (so the list itself is not the same object), but
 * not the definitions in it. A list with any other definition (another agent, another toolbox)
 * replaces it. The text is exactly what the mapper writes for the list; with any other mapper, or a
 * pretty printer, the list is written the ordinary way.
 */
public final class EncodedTools extends JsonSerializer<List<ToolDefinition>> {

  /** The serializer; it holds no state of its own. */
  static final EncodedTools INSTANCE = new EncodedTools();

  private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

  @Override
  public void serialize(List<ToolDefinition> tools, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    if (gen.getCodec() != Json.MAPPER || gen.getPrettyPrinter() != null) {
      provider.defaultSerializeValue(tools, gen);
      return;
    }
    Object[] last = LAST.get();
    SerializableString encoded;
    if (sameDefinitions(last[0], tools)) {
      encoded = (SerializableString) last[1];
    } else {
      encoded = new SerializedString(Json.MAPPER.writeValueAsString(tools));
      last[0] = tools;
      last[1] = encoded;
    }
    gen.writeRawValue(encoded);
  }

  /** Whether this thread would write {@code tools} from its cache (for tests). */
  static boolean cached(List<ToolDefinition> tools) {
    Object[] last = LAST.get();
    return last[1] != null && sameDefinitions(last[0], tools);
  }

  private static boolean sameDefinitions(Object cached, List<ToolDefinition> tools) {
    if (cached == tools) {
      return true;
    }
    if (!(cached instanceof List<?> list) || list.size() != tools.size()) {
      return false;
    }
    for (int i = 0; i < tools.size(); i++) {
      if (list.get(i) != tools.get(i)) {
        return false;
      }
    }
    return true;
  }
}
