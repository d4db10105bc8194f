package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.ServerTool;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Toolbox;
import dev.agentloop.tools.http.HttpFetch;
import java.util.List;

/**
 * Research on the web: the model searches with OpenRouter's {@code openrouter:web_search} server
 * tool, fetches pages with the HTTP tool and summarises them with numbered citations; the CLI
 * prints the search's sources after the answer. Online only: a scripted model cannot judge real
 * pages, so without {@code OPENROUTER_API_KEY} (or with {@code --offline}) it stops with exit code
 * 2.
 */
public final class ResearchExample implements Example {

  /** Runs {@code agentloop run research <prompt>}. */
  public static void main(String[] args) {
    Main.main(Examples.argsFor("research", args));
  }

  @Override
  public String name() {
    return "research";
  }

  @Override
  public String description() {
    return "web pages summarised with citations";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    HttpFetch fetch = new HttpFetch(context.vertx());
    context.closeLater(() -> fetch.close().await());
    return new AgentOptions()
        .setInstructions(
            "You research questions on the web. Search the web, fetch the pages the user gives, or"
                + " well-known reference pages (e.g. https://en.wikipedia.org/wiki/<Topic>), follow"
                + " links when needed, and never invent facts. Answer in a few short paragraphs; cite"
                + " sources inline as [1], [2] and list them at the end as \"[n] title — URL\".")
        .setToolbox(Toolbox.builder().add(fetch).build())
        .setServerTools(List.of(ServerTool.webSearch().maxResults(5)));
  }

  @Override
  public boolean needsNetwork() {
    return true;
  }

  @Override
  public MockResponse simulate(RecordedRequest request) {
    throw new UnsupportedOperationException("research has no offline script");
  }
}
