// What a host program (the console's tests, scripts and demo) gets back from createGateway: an endpoint to talk to
// with the AWS SDK and a way to stop it. The emulated account itself stays inside the package; the testing and demo
// entries reach it through internalsOf() below.
import type { Gateway as RunningGateway } from "./server";

export interface Gateway {
  /** Base URL, e.g. "http://127.0.0.1:4566": the AWS SDK's `endpoint` and the `/_localgateway/*` admin root. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and releases everything the gateway opened; saves its state and metrics first. */
  close(): Promise<void>;
}

/** Package-internal: the running gateway behind a public handle (testing and demo entries only). */
export function internalsOf(gw: Gateway): RunningGateway {
  const running = gw as Partial<RunningGateway>;
  if (running.ctx === undefined) throw new Error("not a gateway returned by createGateway()");
  return running as RunningGateway;
}
