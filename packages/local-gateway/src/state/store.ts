import { mkdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { emptyState, type GatewayState } from "./types";

const SAVE_DELAY_MS = 250;

/**
 * Keeps the account in memory and writes it to <dataDir>/state.json shortly after each change (temp file + rename,
 * so a crash never leaves half a file). `changed()` is cheap enough to call on every data-plane request.
 */
export class StateStore {
  readonly state: GatewayState;
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly dataDir: string,
    state: GatewayState,
  ) {
    this.state = state;
  }

  get file(): string {
    return path.join(this.dataDir, "state.json");
  }

  /** Startup only (sync I/O). A missing or unreadable file starts an empty account. */
  static open(dataDir: string): StateStore {
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, "state.json");
    let state = emptyState();
    if (existsSync(file)) {
      try {
        const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<GatewayState>;
        if (parsed.version === 1) state = { ...emptyState(), ...parsed } as GatewayState;
      } catch (e) {
        console.warn(`local-gateway: ignoring unreadable ${file}: ${(e as Error).message}`);
      }
    }
    return new StateStore(dataDir, state);
  }

  /** Wipes the state file of a data dir (`npm run gateway:reset`); the gateway must not be running on it. */
  static reset(dataDir: string): void {
    rmSync(path.join(dataDir, "state.json"), { force: true });
    rmSync(path.join(dataDir, "state.json.tmp"), { force: true });
  }

  changed(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes now; writes are serialised so an older snapshot never overwrites a newer one. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const json = JSON.stringify(this.state);
    this.saving = this.saving
      .catch(() => undefined)
      .then(async () => {
        const tmp = `${this.file}.tmp`;
        await mkdir(this.dataDir, { recursive: true });
        await writeFile(tmp, json);
        await rename(tmp, this.file);
      });
    return this.saving.catch((e: unknown) => console.error("local-gateway: could not save state", e));
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
