// Patch-path checks shared by the REST API sub-resources (AWS's wording for a bad path or operation).
import { badRequest } from "../../http";
import { type PatchOp } from "../common";

export const mustBeOneOf = (p: PatchOp, valid: readonly string[]) =>
  badRequest(
    `Invalid patch path  '${p.path}' specified for op '${p.op}'. Must be one of: [${valid.join(", ")}]`,
  );
export const unsupportedOp = (p: PatchOp) =>
  badRequest(
    `Invalid patch path  '${p.path}' specified for op '${p.op}'. Please choose supported operations`,
  );

/** Only `replace` on one of `valid` paths; returns the path's field name. */
export function replaceOnly(p: PatchOp, valid: readonly string[]): string {
  if (p.op !== "replace") throw unsupportedOp(p);
  if (!valid.includes(p.path)) throw mustBeOneOf(p, valid);
  return p.path.slice(1);
}
