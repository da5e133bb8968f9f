/** Time source for everything time-dependent in the gateway (ms since epoch); tests inject a FakeClock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A manually driven clock: nothing moves until the test calls advance() or set(). */
export class FakeClock implements Clock {
  private t: number;

  constructor(start: number | Date = Date.UTC(2026, 0, 15, 12, 0, 0)) {
    this.t = typeof start === "number" ? start : start.getTime();
  }

  now(): number {
    return this.t;
  }

  advance(ms: number): number {
    this.t += ms;
    return this.t;
  }

  set(ms: number | Date): void {
    this.t = typeof ms === "number" ? ms : ms.getTime();
  }
}
