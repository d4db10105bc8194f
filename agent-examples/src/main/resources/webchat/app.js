// AgentLoop web chat: posts each prompt to /agents/<name>/stream and renders the run's
// Server-Sent Events as they arrive. No framework, no build step.
"use strict";

const messages = document.getElementById("messages");
const form = document.getElementById("composer");
const prompt = document.getElementById("prompt");
const send = document.getElementById("send");
const KEY = "agentloop.conversationId";
let agentName = null;

function newId() {
  return (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now());
}

function conversationId() {
  let id = sessionStorage.getItem(KEY);
  if (!id) {
    id = newId();
    sessionStorage.setItem(KEY, id);
  }
  return id;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function scroll() {
  messages.scrollTop = messages.scrollHeight;
}

// One assistant bubble per run: tool lines, the streamed text, then the usage line.
function assistantView() {
  const bubble = el("div", "message assistant running");
  const tools = el("div", "tools");
  const text = el("div", "text");
  bubble.append(tools, text);
  messages.append(bubble);
  const calls = new Map();
  return {
    event(type, data) {
      if (type === "tool_call_requested") {
        const line = el("details", "tool");
        const summary = el("summary");
        summary.append(el("span", "badge", "tool"), el("span", "label", data.name + " …"));
        line.append(summary, el("pre", "args", data.arguments || "{}"));
        tools.append(line);
        calls.set(data.id, { line, summary });
      } else if (type === "tool_call_finished") {
        const call = calls.get(data.id);
        if (!call) return;
        call.summary.querySelector(".label").textContent =
          data.name + " · " + data.durationMs + " ms" + (data.error ? " · " + data.error : "");
        if (data.error) call.line.classList.add("error");
        call.line.append(el("pre", "result", data.result));
      } else if (type === "text_delta") {
        text.textContent += data.text;
      } else if (type === "run_finished") {
        const r = data.result;
        if (!text.textContent && r.text) text.textContent = r.text;
        const cost = Number(r.cost || 0).toFixed(6);
        bubble.append(el("div", "meta", r.usage.promptTokens + " prompt + " + r.usage.completionTokens +
          " completion tokens · $" + cost + (r.model ? " · " + r.model : "")));
      } else if (type === "run_failed") {
        bubble.append(el("div", "failure", data.message));
      }
      scroll();
    },
    done() { bubble.classList.remove("running"); },
    fail(message) { bubble.append(el("div", "failure", message)); },
  };
}

// Parses SSE frames ("event: x\ndata: {...}\n\n") from a fetch body as they arrive.
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = "message", data = "";
      for (const line of frame.split("\n")) {
        if (line.startsWith("event: ")) type = line.slice(7);
        else if (line.startsWith("data: ")) data += line.slice(6);
      }
      if (data) onEvent(type, JSON.parse(data));
    }
  }
}

async function ask(text) {
  messages.append(el("div", "message user", text));
  const view = assistantView();
  scroll();
  try {
    const response = await fetch("agents/" + encodeURIComponent(agentName) + "/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ prompt: text, conversationId: conversationId() }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      view.fail((body.error && body.error.message) || "request failed: " + response.status);
      return;
    }
    await readEvents(response, view.event);
  } catch (e) {
    view.fail("connection failed: " + e.message);
  } finally {
    view.done();
  }
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const text = prompt.value.trim();
  if (!text || !agentName) return;
  prompt.value = "";
  send.disabled = true;
  await ask(text);
  send.disabled = false;
  prompt.focus();
});

prompt.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) {
    e.preventDefault();
    form.requestSubmit();
  }
});

document.getElementById("new-chat").addEventListener("click", () => {
  sessionStorage.setItem(KEY, newId());
  messages.replaceChildren();
  prompt.focus();
});

fetch("info").then((r) => r.json()).then((info) => {
  agentName = info.name;
  document.getElementById("agent-name").textContent = info.name;
  document.title = "AgentLoop · " + info.name;
  document.body.dataset.ready = "true";
});
