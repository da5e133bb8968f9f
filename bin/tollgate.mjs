#!/usr/bin/env node
// `npx tollgate …` — see cli/main.mjs and the README's "Automation API and CLI".
import { run } from "../cli/main.mjs";

process.exitCode = await run(process.argv.slice(2));
