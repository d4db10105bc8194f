package dev.agentloop.examples;

import dev.agentloop.openrouter.Attachments;
import dev.agentloop.openrouter.ContentPart;
import dev.agentloop.openrouter.Message;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Builds the user turn of {@code agentloop run --file PATH --image PATH|URL}. */
final class PromptAttachments {

  private PromptAttachments() {}

  /**
   * Returns the prompt as a plain user message, or as text followed by the attachments.
   *
   * @throws ParameterException when a file cannot be read, is too large or has an unsupported type
   */
  static Message userTurn(CommandSpec spec, String prompt, List<Path> files, List<String> images) {
    if (files.isEmpty() && images.isEmpty()) {
      return Message.user(prompt);
    }
    List<ContentPart> parts = new ArrayList<>();
    parts.add(ContentPart.text(prompt));
    try {
      for (Path file : files) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        parts.add(
            name.matches(".*\\.(wav|mp3|flac|m4a|ogg|aac|aiff)")
                ? Attachments.audio(file)
                : name.matches(".*\\.(mp4|mpeg|mov|webm)")
                    ? Attachments.video(file)
                    : Attachments.file(file));
      }
      for (String image : images) {
        parts.add(
            image.startsWith("https://") || image.startsWith("http://")
                ? ContentPart.imageUrl(image)
                : Attachments.image(Path.of(image)));
      }
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return Message.user(parts);
  }
}
