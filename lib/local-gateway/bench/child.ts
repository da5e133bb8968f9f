/**
 * Child-process roles for the gateway bench, so the load generator and the upstream do not share the measured
 * process's event loop. Started with fork(); talks over IPC:
 *   role "upstream": starts the demo upstream on 127.0.0.1:0, replies {port}; exits on "stop" or parent exit.
 *   role "load":     receives LoadOptions, replies LoadResult, exits.
 */

import { startDemoUpstream } from "../demo/upstream";
import { type LoadOptions, runLoad } from "./load";

const role = process.argv[2];
const send = (msg: unknown) => process.send?.(msg);

if (role === "upstream") {
  const upstream = await startDemoUpstream({ port: 0 });
  process.on("message", (msg) => {
    if (msg === "stop") void upstream.close().then(() => process.exit(0));
  });
  process.on("disconnect", () => process.exit(0));
  send({ port: upstream.port });
} else if (role === "load") {
  process.once("message", (options) => {
    void runLoad(options as LoadOptions).then((result) => {
      send(result);
      process.disconnect?.();
    });
  });
  send({ ready: true });
} else {
  console.error(`unknown bench child role: ${role}`);
  process.exit(2);
}
