/** A clock the test moves by hand. */
export class TestClock {
  private ms: number;
  constructor(start: string | Date = '2026-01-15T10:00:00Z') {
    this.ms = new Date(start).getTime();
  }
  now = (): Date => new Date(this.ms);
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}
