// AgentLoop web chat: posts each prompt to /agents/<name>/stream and renders the run's
// Server-Sent Events as they arrive. Answers are Markdown, rendered with marked and sanitised with
// DOMPurify (both vendored, see vendor/README.md). No framework, no build step.
"use strict";

const messages = document.getElementById("messages");
const form = document.getElementById("composer");
const prompt = document.getElementById("prompt");
const send = document.getElementById("send");
const status = document.getElementById("status");
const STORE = "agentloop.chat";      // localStorage: { id, entries } of the current conversation
const CLIENT = "agentloop.client";   // localStorage: this browser's caller id (servers without a token)
const TOKEN = "agentloop.token";     // sessionStorage: the server's token, from #token=... in the URL
const MAX_ENTRIES = 200;             // kept in localStorage; older ones are dropped
let agentName = null;
let running = null;                  // { controller } while a run streams
let chat = load();

function newId() {
  return (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now());
}

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE));
    if (saved && saved.id && Array.isArray(saved.entries)) return saved;
  } catch (e) { /* a broken store starts a new chat */ }
  return { id: newId(), entries: [] };
}

function save() {
  chat.entries = chat.entries.slice(-MAX_ENTRIES);
  try { localStorage.setItem(STORE, JSON.stringify(chat)); } catch (e) { /* full: keep the page working */ }
}

// The token arrives once in the URL fragment (never sent to the server) and is kept per tab.
(function takeToken() {
  const m = location.hash.match(/(?:^#|&)token=([^&]+)/);
  if (m) {
    sessionStorage.setItem(TOKEN, decodeURIComponent(m[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
})();

// Without a server token, a per-browser id keeps this browser's rate limit and conversations apart.
function bearer() {
  let token = sessionStorage.getItem(TOKEN);
  if (!token) {
    token = localStorage.getItem(CLIENT);
    if (!token) {
      token = "browser-" + newId();
      localStorage.setItem(CLIENT, token);
    }
  }
  return token;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
});

// Images are dropped: a model tricked by a tool result could otherwise leak the conversation in
// an image URL that the browser fetches without a click.
const SANITIZE = { FORBID_TAGS: ["img", "picture", "video", "audio", "iframe", "form", "input", "style"] };

function markdown(text) {
  return DOMPurify.sanitize(marked.parse(text, { gfm: true, breaks: true }), SANITIZE);
}

// Follows new content only while the reader is at the bottom; reading further up is left alone.
function atBottom() {
  return messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
}

function follow(change) {
  const stick = atBottom();
  change();
  if (stick) messages.scrollTop = messages.scrollHeight;
}

function userView(text) {
  messages.append(el("div", "message user", text));
}

// One assistant bubble per run: tool lines, the streamed Markdown, then the usage line.
function assistantView(entry) {
  const bubble = el("div", "message assistant");
  const tools = el("div", "tools");
  const text = el("div", "text");
  bubble.append(tools, text);
  messages.append(bubble);
  const lines = new Map();
  let pending = false;
  function toolLine(call) {
    const line = el("details", "tool" + (call.error ? " error" : ""));
    const summary = el("summary");
    summary.append(el("span", "badge", "tool"), el("span", "label", call.label));
    line.append(summary, el("pre", "args", call.args));
    if (call.result !== undefined) line.append(el("pre", "result", call.result));
    tools.append(line);
    return line;
  }
  function render() {
    pending = false;
    follow(() => { text.innerHTML = markdown(entry.text); });
  }
  function tail() {
    if (entry.meta) bubble.append(el("div", "meta", entry.meta));
    if (entry.failure) bubble.append(el("div", "failure", entry.failure));
  }
  // Pending approvals of a parked run: the call, Approve, and Reject with a message.
  const approvals = el("div", "approvals");
  bubble.append(approvals);
  function showApprovals() {
    approvals.replaceChildren();
    for (const p of entry.pending || []) approvals.append(approvalCard(p));
  }
  function approvalCard(p) {
    const card = el("div", "approval");
    card.dataset.callId = p.callId;
    card.append(el("div", "approval-title", "Approve " + p.tool + "?"), el("pre", "args", p.arguments));
    const reason = el("input", "reason");
    reason.type = "text";
    reason.placeholder = "Reason (sent to the agent if you reject)";
    reason.setAttribute("aria-label", "Reason for rejecting " + p.tool);
    const approve = el("button", "approve", "Approve");
    const reject = el("button", "reject", "Reject");
    approve.type = reject.type = "button";
    const decide = async (body) => {
      approve.disabled = reject.disabled = true;
      bubble.classList.add("running");
      status.textContent = "Sending the decision…";
      try {
        const response = await fetch("v1/runs/" + encodeURIComponent(p.runId) + "/approvals/" +
            encodeURIComponent(p.callId), {
          method: "POST",
          headers: { "Content-Type": "application/json", "Authorization": "Bearer " + bearer() },
          body: JSON.stringify(body),
        });
        let view = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error((view.error && view.error.message) || "status " + response.status);
        // The decision is recorded at once and the run goes on: follow it until it answers or
        // parks again (polling every half second, for at most ten minutes).
        status.textContent = "The agent is working…";
        for (let i = 0; view.status === "running" && i < 1200; i++) {
          await new Promise((r) => setTimeout(r, 500));
          const poll = await fetch("v1/runs/" + encodeURIComponent(p.runId),
              { headers: { "Authorization": "Bearer " + bearer() } });
          const next = await poll.json().catch(() => ({}));
          if (!poll.ok) throw new Error((next.error && next.error.message) || "status " + poll.status);
          view = next;
        }
        const call = entry.tools.find((c) => c.id === p.callId);
        const line = lines.get(p.callId);
        if (call && line) {
          call.label = p.tool + (body.decision === "approve" ? " · approved" : " · rejected");
          line.querySelector(".label").textContent = call.label;
        }
        entry.pending = (view.pending_approvals || []).map((a) => ({ runId: view.id, callId: a.call_id,
          tool: a.tool, arguments: typeof a.arguments === "string" ? a.arguments : JSON.stringify(a.arguments) }));
        if (view.status === "finished" && view.text) {
          entry.text = view.text;
          render();
        }
        follow(showApprovals);
        status.textContent = view.status === "finished" ? "The agent answered: " + (view.text || "").slice(0, 500)
          : view.status === "awaiting_approval" ? "The agent needs another approval."
          : "The run is " + view.status + ".";
      } catch (e) {
        approve.disabled = reject.disabled = false;
        card.append(el("div", "failure", "the decision failed: " + e.message));
      } finally {
        bubble.classList.remove("running");
        save();
      }
    };
    approve.addEventListener("click", () => decide({ decision: "approve" }));
    reject.addEventListener("click", () => decide({ decision: "reject",
      message: reason.value.trim() || "rejected by a person" }));
    const actions = el("div", "approval-actions");
    actions.append(approve, reason, reject);
    card.append(actions);
    return card;
  }
  entry.tools.forEach((call) => lines.set(call.id, toolLine(call)));
  if (entry.text) text.innerHTML = markdown(entry.text);
  tail();
  showApprovals();
  return {
    start() { bubble.classList.add("running"); },
    event(type, data) {
      if (type === "tool_call_requested") {
        const call = { id: data.id, label: data.name + " …", args: data.arguments || "{}" };
        entry.tools.push(call);
        follow(() => lines.set(call.id, toolLine(call)));
      } else if (type === "tool_call_finished") {
        const call = entry.tools.find((c) => c.id === data.id);
        const line = lines.get(data.id);
        if (!call || !line) return;
        call.label = data.name + " · " + data.durationMs + " ms" + (data.error ? " · " + data.error : "");
        call.result = data.result;
        call.error = Boolean(data.error);
        line.querySelector(".label").textContent = call.label;
        if (call.error) line.classList.add("error");
        follow(() => line.append(el("pre", "result", call.result)));
      } else if (type === "agent_answering") {
        // A handoff: another agent answers from here on.
        follow(() => tools.append(el("div", "agent", "→ " + data.agent + " answers")));
      } else if (type === "sub_agent" && data.event && data.event.type === "run_started") {
        follow(() => tools.append(el("div", "agent", "↳ asking " + data.agent)));
      } else if (type === "text_delta") {
        entry.text += data.text;
        // Re-renders the whole answer at most once a frame: half-written Markdown stays valid HTML.
        if (!pending) { pending = true; requestAnimationFrame(render); }
      } else if (type === "run_finished") {
        const r = data.result;
        if (!entry.text && r.text) entry.text = r.text;
        render();
        if (r.stopReason === "AWAITING_APPROVAL") {
          entry.pending = (r.pendingApprovals || []).map((a) => ({ runId: a.runId, callId: a.callId,
            tool: a.tool, arguments: a.arguments }));
          // A deferred call is reported as not run: it waits for a person, it did not fail.
          for (const a of entry.pending) {
            const call = entry.tools.find((c) => c.id === a.callId);
            const line = lines.get(a.callId);
            if (!call || !line) continue;
            call.label = a.tool + " · awaiting approval";
            call.error = false;
            line.classList.remove("error");
            line.querySelector(".label").textContent = call.label;
          }
          follow(showApprovals);
        }
        const cost = Number(r.cost || 0).toFixed(6);
        entry.meta = r.usage.promptTokens + " prompt + " + r.usage.completionTokens +
          " completion tokens · $" + cost + (r.model ? " · " + r.model : "") +
          (r.agents && r.agents.length > 1 ? " · " + r.agents.join(" → ") : "");
        follow(() => bubble.append(el("div", "meta", entry.meta)));
      } else if (type === "run_failed") {
        this.fail(data.message);
      }
    },
    done() { bubble.classList.remove("running"); },
    fail(message) {
      entry.failure = message;
      follow(() => bubble.append(el("div", "failure", message)));
    },
  };
}

// Parses SSE frames ("event: x\ndata: {...}\n\n") from a fetch body as they arrive; comments
// (": keep-alive") carry no data and are skipped.
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
  const user = { role: "user", text };
  const entry = { role: "assistant", text: "", tools: [], meta: null, failure: null };
  chat.entries.push(user, entry);
  save();
  userView(text);
  const view = assistantView(entry);
  view.start();
  messages.scrollTop = messages.scrollHeight;
  const controller = new AbortController();
  const run = { controller, chatId: chat.id };
  running = run;
  status.textContent = "The agent is answering…";
  try {
    const response = await fetch("agents/" + encodeURIComponent(agentName) + "/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + bearer() },
      body: JSON.stringify({ prompt: text, conversationId: chat.id }),
      signal: controller.signal,
    });
    if (response.status === 401) {
      view.fail("this server needs its token: open the page as " + location.origin +
        location.pathname + "#token=<token>");
    } else if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      view.fail((body.error && body.error.message) || "request failed: " + response.status);
    } else {
      await readEvents(response, (type, data) => view.event(type, data));
    }
  } catch (e) {
    if (e.name !== "AbortError") view.fail("connection failed: " + e.message);
  } finally {
    view.done();
    if (running === run) running = null;
    if (chat.id === run.chatId) {
      save();
      status.textContent = entry.failure ? "The run failed: " + entry.failure
        : (entry.pending || []).length ? "The agent waits for your approval."
        : "The agent answered: " + entry.text.slice(0, 500);
    }
    send.disabled = false;
  }
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const text = prompt.value.trim();
  if (!text || !agentName || running) return;
  prompt.value = "";
  send.disabled = true;
  ask(text).then(() => prompt.focus());
});

prompt.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    // While a run is in progress Enter does nothing: the draft stays in the box.
    if (!running) form.requestSubmit();
  }
});

document.getElementById("new-chat").addEventListener("click", () => {
  if (running) running.controller.abort();  // closing the stream cancels the run on the server
  running = null;
  chat = { id: newId(), entries: [] };
  save();
  messages.replaceChildren();
  send.disabled = false;
  status.textContent = "Started a new chat.";
  prompt.focus();
});

function restore() {
  for (const entry of chat.entries) {
    if (entry.role === "user") userView(entry.text);
    else assistantView(entry);
  }
  messages.scrollTop = messages.scrollHeight;
}

restore();
fetch("info").then((r) => r.json()).then((info) => {
  agentName = info.name;
  document.getElementById("agent-name").textContent = info.name;
  document.title = "AgentLoop · " + info.name;
  document.body.dataset.ready = "true";
});
