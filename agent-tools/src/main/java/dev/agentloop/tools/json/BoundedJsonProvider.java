package dev.agentloop.tools.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import java.util.Collection;

/**
 * Jackson tree access for one JsonPath evaluation, counting every node visit against a budget.
 * JsonPath walks the document only through its provider, so the count bounds the work of deep
 * scans, wildcards, unions and filters alike, whether or not they produce results.
 */
final class BoundedJsonProvider extends JacksonJsonNodeJsonProvider {

  /** Thrown from inside the evaluation when the budget is spent; caught by {@link JsonQuery}. */
  static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super(null, null, false, false);
    }
  }

  private final long maxSteps;
  private long steps;

  BoundedJsonProvider(ObjectMapper mapper, long maxSteps) {
    super(mapper);
    this.maxSteps = maxSteps;
  }

  private void step(long cost) {
    steps += cost;
    if (steps > maxSteps) {
      throw new BudgetExceeded();
    }
  }

  @Override
  public Object getArrayIndex(Object obj, int idx) {
    step(1);
    return super.getArrayIndex(obj, idx);
  }

  @Override
  public Object getMapValue(Object obj, String key) {
    step(1);
    return super.getMapValue(obj, key);
  }

  @Override
  public Collection<String> getPropertyKeys(Object obj) {
    Collection<String> keys = super.getPropertyKeys(obj);
    step(1 + keys.size());
    return keys;
  }

  @Override
  public int length(Object obj) {
    step(1);
    return super.length(obj);
  }

  @Override
  public Iterable<?> toIterable(Object obj) {
    step(1 + super.length(obj));
    return super.toIterable(obj);
  }

  @Override
  public Object unwrap(Object o) {
    step(1);
    return super.unwrap(o);
  }
}
