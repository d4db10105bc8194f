/**
 * Document search tool: a Lucene BM25 index of text and Markdown passages with citable source ids.
 */
@NullMarked
package dev.agentloop.tools.docs;

import org.jspecify.annotations.NullMarked;
