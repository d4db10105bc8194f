// The official TypeScript SDK's client against our server. Prints one JSON line per step; after
// "ready-for-restart" it waits for a line on stdin (the test restarts our server), then calls again.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createInterface } from "node:readline";

const url = new URL(process.argv[2]);
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

async function connect() {
  const client = new Client({ name: "ts-interop", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(url));
  return client;
}

try {
  let client = await connect();
  out({ step: "initialize", server: client.getServerVersion(), capabilities: client.getServerCapabilities() });
  const { tools } = await client.listTools();
  out({ step: "list", tools: tools.map((t) => t.name), outputSchema: tools.find((t) => t.name === "forecast")?.outputSchema?.type });
  const forecast = await client.callTool({ name: "forecast", arguments: { city: "Oslo" } });
  out({ step: "call", structured: forecast.structuredContent, isError: forecast.isError ?? false });
  const broken = await client.callTool({ name: "broken", arguments: { input: "x" } });
  out({ step: "error", isError: broken.isError, text: broken.content[0].text });
  let progress = 0;
  const slow = await client.callTool({ name: "slow", arguments: { millis: 400 } }, undefined, {
    onprogress: () => progress++,
  });
  out({ step: "progress", progress, text: slow.content[0].text });
  out({ step: "ready-for-restart" });
  const lines = createInterface({ input: process.stdin });
  for await (const _ of lines) break;
  let firstError = null;
  try {
    await client.callTool({ name: "forecast", arguments: { city: "Rome" } });
  } catch (e) {
    firstError = { code: e.code ?? null, message: String(e.message) };
    client = await connect();
  }
  const again = await client.callTool({ name: "forecast", arguments: { city: "Rome" } });
  out({ step: "reinitialized", firstError, structured: again.structuredContent });
  await client.close();
  process.exit(0);
} catch (e) {
  out({ step: "failed", message: String(e && e.stack ? e.stack : e) });
  process.exit(1);
}
