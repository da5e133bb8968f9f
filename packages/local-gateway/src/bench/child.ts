/**
 * The gateway bench's driver process: it runs the demo upstream and the load generator, so the measured process
 * only proxies and the machine runs two busy processes, not three. Started with fork(); talks over IPC:
 *   → {port} once the upstream listens;  ← {load: LoadOptions} → {result: LoadResult};  ← "stop" → exits.
 */

import { startDemoUpstream } from "../demo/upstream";
import { type LoadOptions, runLoad } from "./load";

const upstream = await startDemoUpstream({ port: 0 });
process.on("message", (msg) => {
  if (msg === "stop") {
    void upstream.close().then(() => process.exit(0));
    return;
  }
  const options = (msg as { load?: LoadOptions }).load;
  if (options !== undefined) void runLoad(options).then((result) => process.send?.({ result }));
});
process.on("disconnect", () => process.exit(0));
process.send?.({ port: upstream.port });
