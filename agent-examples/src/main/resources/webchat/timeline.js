// The run timeline: under each answer, a waterfall of the run's model calls and tool calls with
// durations, tokens and cost. It listens to the same SSE events as app.js by wrapping
// assistantView(), so app.js needs no change. Starts are measured here, as events arrive; tool
// durations come from the server.
(function () {
  const MAX_ROWS = 200; // a run with more calls shows its first 200
  const baseView = window.assistantView;
  if (typeof baseView !== "function") return;

  function row(kind, label, start, end, detail, error) {
    return { kind, label, start, end, detail, error };
  }

  function render(rows, t0, t1) {
    const total = Math.max(1, t1 - t0);
    const box = document.createElement("div");
    box.className = "timeline";
    for (const r of rows.slice(0, MAX_ROWS)) {
      const line = document.createElement("div");
      line.className = "tl-row tl-" + r.kind + (r.error ? " tl-error" : "");
      const name = document.createElement("span");
      name.className = "tl-label";
      name.textContent = r.label;
      const track = document.createElement("span");
      track.className = "tl-track";
      const bar = document.createElement("span");
      bar.className = "tl-bar";
      bar.style.left = ((100 * (r.start - t0)) / total).toFixed(2) + "%";
      bar.style.width = Math.max(0.5, (100 * (r.end - r.start)) / total).toFixed(2) + "%";
      track.append(bar);
      const info = document.createElement("span");
      info.className = "tl-info";
      info.textContent = Math.round(r.end - r.start) + " ms" + (r.detail ? " · " + r.detail : "");
      line.append(name, track, info);
      box.append(line);
    }
    return box;
  }

  window.assistantView = function (entry) {
    const view = baseView(entry);
    const bubbles = document.querySelectorAll("#messages .message.assistant");
    const bubble = bubbles[bubbles.length - 1];
    const t0 = performance.now();
    const models = new Map(); // step -> row
    const tools = new Map(); // call id -> row
    const rows = [];
    let drawn = false;

    function endModel(step, at) {
      const m = models.get(step);
      if (m && m.end === null) m.end = at;
    }

    function draw(at) {
      if (drawn || !bubble) return;
      drawn = true;
      for (const r of rows) if (r.end === null) r.end = at;
      bubble.append(render(rows, t0, at));
    }

    // The base view's other methods (start) pass through unchanged.
    return Object.assign({}, view, {
      event(type, data) {
        view.event(type, data);
        const now = performance.now();
        if (type === "model_request") {
          const r = row("model", "model " + (data.model || ""), now, null, "", false);
          models.set(data.step, r);
          rows.push(r);
        } else if (type === "tool_call_requested") {
          endModel(data.step, now);
          const r = row("tool", "tool " + data.name, now, null, "", false);
          tools.set(data.id, r);
          rows.push(r);
        } else if (type === "tool_call_finished") {
          const r = tools.get(data.id);
          if (r) {
            r.end = r.start + Number(data.durationMs || 0);
            r.error = !!data.error;
            r.detail = data.error || "";
          }
        } else if (type === "step_finished") {
          const s = data.step || {};
          endModel(s.index, now);
          const m = models.get(s.index);
          if (m && s.usage) {
            m.detail = s.usage.promptTokens + "+" + s.usage.completionTokens + " tok · $" +
              Number(s.usage.cost || 0).toFixed(6);
          }
        } else if (type === "run_finished" || type === "run_failed") {
          // A deferred call waits for a person: it did not fail.
          const parked = (type === "run_finished" && data.result && data.result.pendingApprovals) || [];
          for (const a of parked) {
            const r = tools.get(a.callId);
            if (r) {
              r.error = false;
              r.detail = "awaiting approval";
            }
          }
          draw(now);
        }
      },
      done() {
        draw(performance.now());
        view.done();
      },
      fail(message) {
        view.fail(message);
      },
    });
  };
})();
