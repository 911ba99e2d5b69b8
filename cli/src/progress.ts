/**
 * A one-line progress counter on standard error, for long runs on a terminal only: never in CI logs,
 * pipes or files, and never on standard output (which carries the report).
 */
export class Progress {
  private done = 0;
  private lastDraw = 0;
  private drawn = false;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    /** Fewer files than this finish too quickly to need a counter. */
    minimum = 20,
  ) {
    this.enabled = Boolean(stream.isTTY) && total >= minimum && !process.env.CI;
  }

  advance(n = 1): void {
    if (!this.enabled) return;
    this.done += n;
    const now = Date.now();
    if (now - this.lastDraw < 80 && this.done < this.total) return;
    this.lastDraw = now;
    const pct = Math.floor((this.done / this.total) * 100);
    this.stream.write(`\r\u001b[2Kcommspec: linting ${this.done}/${this.total} files (${pct}%)`);
    this.drawn = true;
  }

  /** Clears the line so the report starts on a clean terminal. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\u001b[2K');
    this.drawn = false;
  }
}
