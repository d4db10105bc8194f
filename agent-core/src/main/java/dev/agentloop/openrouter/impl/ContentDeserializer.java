package dev.agentloop.openrouter.impl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.ContentPart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads message content that is either a string or an array of content parts. */
public final class ContentDeserializer extends JsonDeserializer<Object> {

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.START_ARRAY) {
      List<ContentPart> parts = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        parts.add(ctxt.readValue(p, ContentPart.class));
      }
      return parts;
    }
    // Some providers send structured content we do not model; keep it as text rather than fail.
    JsonNode node = ctxt.readTree(p);
    return node.isNull() ? null : node.toString();
  }

  @Override
  public Object getNullValue(DeserializationContext ctxt) {
    return null;
  }
}
