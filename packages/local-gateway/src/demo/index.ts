// @tollgate/local-gateway/demo: the demo stack (`npm run demo`, the e2e server, the console's integration tests).
// Why it lives in the package and not in the console's scripts/: see the package README, "Demo tooling".
export { startDemoStack, type DemoStack, type DemoStackOptions } from "./stack";
export { startDemoUpstream, type DemoUpstream, type DemoUpstreamOptions } from "./upstream";
export { seedDemo, type SeedOptions, type SeedResult, type SeededKey } from "./seed";
export { runTraffic, type TrafficOptions, type TrafficRun, type TrafficStats } from "./traffic";
export { addKeys, syntheticDays, writeUsageHistory } from "./history";
export { versionedItemsOpenApi } from "./definitions";
