// Drives `agentloop serve` with the official OpenAI Node SDK: starts the shaded jar offline (the
// example agent runs on the built-in simulator), checks the endpoint as a real second client would,
// and exits non-zero on any failed check.
//
//   node openai-check.mjs path/to/agentloop.jar
import { spawn } from "node:child_process";
import http from "node:http";
import OpenAI from "openai";

const jar = process.argv[2];
if (!jar) {
  console.error("usage: node openai-check.mjs path/to/agentloop.jar");
  process.exit(2);
}

const failures = [];
let passed = 0;

async function check(name, body) {
  try {
    await body();
    passed++;
    console.log("ok   " + name);
  } catch (e) {
    failures.push(name);
    console.log("FAIL " + name + ": " + (e && e.stack ? e.stack : e));
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function equal(actual, expected, what) {
  assert(actual === expected, what + ": expected " + JSON.stringify(expected) + ", got " + JSON.stringify(actual));
}

async function rejects(promise, status, param) {
  try {
    await promise;
  } catch (e) {
    equal(e.status, status, "status");
    if (param !== undefined) equal(e.param ?? e.error?.param, param, "param");
    return e;
  }
  throw new Error("expected HTTP " + status + ", got a success");
}

function raw(port, method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let data = "";
      res.on("data", (c) => (data += c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

function serve() {
  const env = { ...process.env };
  delete env.OPENROUTER_API_KEY; // offline: the example runs on the simulator
  const child = spawn("java", ["-jar", jar, "serve", "--port", "0", "--rate-limit", "30", "weather"], {
    env, stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error("serve did not start in 90 s:\n" + err)), 90_000);
    child.stderr.on("data", (d) => {
      err += d;
      const m = err.match(/serving weather on (http:\/\/127\.0\.0\.1:(\d+))\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], port: Number(m[2]) });
      }
    });
    child.on("exit", (code) => reject(new Error("serve exited " + code + ":\n" + err)));
  });
}

const server = await serve();
const client = (key) => new OpenAI({ baseURL: server.url + "/v1", apiKey: key, maxRetries: 2 });
const openai = client("node-check-main");
const ask = (extra = {}) => ({ model: "weather", messages: [{ role: "user", content: "Weather in Paris?" }], ...extra });

try {
  await check("models.list names the agent", async () => {
    const models = await openai.models.list();
    assert(models.data.some((m) => m.id === "weather"), "no model 'weather' in " + JSON.stringify(models.data));
  });
  await check("models.retrieve finds the agent, 404 otherwise", async () => {
    equal((await openai.models.retrieve("weather")).id, "weather", "id");
    const e = await rejects(openai.models.retrieve("nobody"), 404);
    assert(e instanceof OpenAI.NotFoundError, "NotFoundError expected");
  });
  await check("chat.completions.create answers with usage", async () => {
    const c = await openai.chat.completions.create(ask({ temperature: 0.3, max_tokens: 200, seed: 7, stop: ["END"] }));
    equal(c.object, "chat.completion", "object");
    equal(c.choices.length, 1, "choices");
    assert(typeof c.choices[0].message.content === "string" && c.choices[0].message.content.length > 0, "empty content");
    equal(c.choices[0].finish_reason, "stop", "finish_reason");
    assert(c.usage.total_tokens > 0, "no usage");
  });
  await check("streaming without include_usage sends no usage", async () => {
    const stream = await openai.chat.completions.create(ask({ stream: true }));
    let text = "", last = null, usage = 0;
    for await (const chunk of stream) {
      last = chunk;
      if (chunk.usage) usage++;
      for (const c of chunk.choices) text += c.delta?.content ?? "";
    }
    assert(text.length > 0, "no text streamed");
    equal(usage, 0, "chunks with usage");
    equal(last.choices[0].finish_reason, "stop", "finish_reason of the last chunk");
  });
  await check("streaming with include_usage ends with a usage chunk without choices", async () => {
    const stream = await openai.chat.completions.create(ask({ stream: true, stream_options: { include_usage: true } }));
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const last = chunks[chunks.length - 1];
    equal(last.choices.length, 0, "choices of the usage chunk");
    assert(last.usage && last.usage.total_tokens > 0, "no usage in the last chunk");
    equal(chunks[chunks.length - 2].choices[0].finish_reason, "stop", "finish chunk");
  });
  await check("n > 1 is 400 naming n, not retried", async () => {
    const e = await rejects(openai.chat.completions.create(ask({ n: 2 })), 400, "n");
    equal(e.headers.get("x-should-retry"), "false", "x-should-retry");
  });
  await check("content 42 is 400 naming the field", async () => {
    await rejects(openai.chat.completions.create({ model: "weather", messages: [{ role: "user", content: 42 }] }),
      400, "messages[0].content");
  });
  await check("a message without content is 400 naming the field", async () => {
    await rejects(openai.chat.completions.create({ model: "weather",
      messages: [{ role: "assistant" }, { role: "user", content: "Hi" }] }), 400, "messages[0].content");
  });
  await check("out-of-range temperature is 400 naming it", async () => {
    await rejects(openai.chat.completions.create(ask({ temperature: 3 })), 400, "temperature");
  });
  await check("response_format json_object is 400 naming it", async () => {
    await rejects(openai.chat.completions.create(ask({ response_format: { type: "json_object" } })), 400, "response_format");
  });
  await check("unknown /v1 route is an OpenAI 404", async () => {
    const e = await rejects(openai.embeddings.create({ model: "text-embedding-3-small", input: "hi" }), 404);
    equal(e.code, "not_found", "code");
  });
  await check("wrong method is an OpenAI 405", async () => {
    const e = await rejects(openai.delete("/chat/completions"), 405);
    equal(e.code, "method_not_allowed", "code");
  });
  await check("non-JSON posts are 415", async () => {
    const r = await raw(server.port, "POST", "/v1/chat/completions",
      { "Content-Type": "text/plain", Authorization: "Bearer node-check-main" }, JSON.stringify(ask()));
    equal(r.status, 415, "status");
  });
  await check("a foreign Host header is 403", async () => {
    const r = await raw(server.port, "GET", "/v1/models", { Host: "attacker.example:" + server.port });
    equal(r.status, 403, "status");
    equal(JSON.parse(r.body).error.code, "host_not_allowed", "code");
  });
  await check("OPTIONS answers Allow without CORS headers", async () => {
    const r = await raw(server.port, "OPTIONS", "/v1/chat/completions", { Origin: "https://attacker.example" });
    equal(r.status, 204, "status");
    equal(r.headers["allow"], "POST, OPTIONS", "Allow");
    equal(r.headers["access-control-allow-origin"], undefined, "Access-Control-Allow-Origin");
  });
  await check("each caller has its own rate limit", async () => {
    const busy = new OpenAI({ baseURL: server.url + "/v1", apiKey: "node-check-busy", maxRetries: 0 });
    for (let i = 0; i < 30; i++) await busy.models.list();
    const e = await rejects(busy.models.list(), 429);
    assert(Number(e.headers.get("retry-after")) >= 1, "Retry-After");
    await client("node-check-other").models.list();
  });
} finally {
  server.child.kill("SIGTERM");
}

console.log(passed + " passed, " + failures.length + " failed");
process.exit(failures.length === 0 ? 0 : 1);
