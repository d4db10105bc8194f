package dev.agentloop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every built-in tool class honours: public, final, named tools with descriptions,
 * every model-visible parameter described, names unique and valid for OpenRouter.
 */
public abstract class AbstractToolTest {

  /** The tool class under test. */
  protected abstract Class<?> toolClass();

  /** The tool names the class must declare, in any order. */
  protected abstract List<String> expectedToolNames();

  private List<Method> toolMethods() {
    return Arrays.stream(toolClass().getMethods())
        .filter(m -> m.isAnnotationPresent(Tool.class))
        .toList();
  }

  @Test
  void toolClassIsPublicAndFinal() {
    assertThat(Modifier.isPublic(toolClass().getModifiers())).isTrue();
    assertThat(Modifier.isFinal(toolClass().getModifiers())).isTrue();
  }

  @Test
  void declaresExpectedToolNames() {
    assertThat(toolMethods())
        .extracting(m -> m.getAnnotation(Tool.class).name())
        .containsExactlyInAnyOrderElementsOf(expectedToolNames());
  }

  @Test
  void toolNamesAreValid() {
    for (Method m : toolMethods()) {
      assertThat(m.getAnnotation(Tool.class).name()).matches("^[a-z][a-z0-9_]{0,63}$");
    }
  }

  @Test
  void everyToolHasDescription() {
    for (Method m : toolMethods()) {
      assertThat(m.getAnnotation(Tool.class).description()).as(m.getName()).hasSizeGreaterThan(20);
    }
  }

  @Test
  void everyModelVisibleParameterIsDescribed() {
    for (Method m : toolMethods()) {
      for (Parameter p : m.getParameters()) {
        if (p.getType() == ToolContext.class) {
          continue;
        }
        Param param = p.getAnnotation(Param.class);
        assertThat(param).as(m.getName() + "." + p.getName()).isNotNull();
        assertThat(param.description()).as(m.getName() + "." + p.getName()).isNotBlank();
      }
    }
  }
}
