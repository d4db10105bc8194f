package dev.agentloop.tools.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/** Reduces HTML to readable text: the title, the main content as lines, and optionally links. */
final class HtmlText {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "ul",
          "ol",
          "li",
          "table",
          "tr",
          "td",
          "th",
          "pre",
          "blockquote",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "dl",
          "dt",
          "dd",
          "figure",
          "figcaption",
          "hr",
          "body");
  private static final String NOISE =
      "script, style, noscript, template, svg, nav, header, footer, aside, form, iframe, button";

  /** The reduced page. */
  record Page(@Nullable String title, String text, List<String> links) {}

  private HtmlText() {}

  static Page reduce(String html, String baseUri, boolean withLinks) {
    Document doc = Jsoup.parse(html, baseUri);
    String title = doc.title().isBlank() ? null : doc.title().strip();
    doc.select(NOISE).remove();
    Element main = doc.selectFirst("main, article, [role=main]");
    if (main == null) {
      main = doc.body();
    }
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              out.append(text.text());
            } else if (node instanceof Element el) {
              String tag = el.normalName();
              if (tag.equals("br")) {
                out.append('\n');
              } else if (BLOCKS.contains(tag)) {
                out.append('\n');
                if (tag.matches("h[1-6]")) {
                  out.append("#".repeat(tag.charAt(1) - '0')).append(' ');
                } else if (tag.equals("li")) {
                  out.append("- ");
                }
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
              out.append('\n');
            }
          }
        },
        main);
    List<String> links = new ArrayList<>();
    if (withLinks) {
      Set<String> seen = new LinkedHashSet<>();
      for (Element a : main.select("a[href]")) {
        String href = a.absUrl("href");
        if (!href.isEmpty() && seen.add(href)) {
          String label = a.text().strip();
          links.add(label.isEmpty() ? href : label + " -> " + href);
        }
      }
    }
    return new Page(title, tidy(out), links);
  }

  /** Collapses runs of spaces, trims lines and drops empty lines. */
  private static String tidy(CharSequence raw) {
    StringBuilder out = new StringBuilder();
    for (String line : raw.toString().split("\n")) {
      String t = line.replaceAll("[\\s\\u00A0]+", " ").strip();
      if (!t.isEmpty() && !t.equals("-")) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(t);
      }
    }
    return out.toString();
  }
}
