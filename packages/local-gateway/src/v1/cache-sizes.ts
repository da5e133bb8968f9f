// Cache cluster sizes (GB) AWS accepts; shared by CreateStage, CreateDeployment and the UpdateStage patch paths.
import { badRequest } from "../http";

export const CACHE_SIZES = ["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"];

export function checkCacheSize(size: string): void {
  if (!CACHE_SIZES.includes(size)) {
    throw badRequest(
      `Invalid cache cluster size specified: ${size}. Must be one of: [${CACHE_SIZES.join(", ")}]`,
    );
  }
}
