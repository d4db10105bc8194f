/** File tools confined to a sandbox root: list, read, search, and optional writes. */
@NullMarked
package dev.agentloop.tools.files;

import org.jspecify.annotations.NullMarked;
