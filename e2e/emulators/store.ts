import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Holds an emulator's state; with a dataFile it loads from and persists to JSON so the
 * demo keeps its contacts between runs. Writes are synchronous: the state is tiny.
 */
export class JsonStore<T> {
  state: T;

  constructor(
    private readonly seed: () => T,
    private readonly dataFile?: string,
  ) {
    this.state = this.load();
  }

  private load(): T {
    if (this.dataFile && existsSync(this.dataFile)) {
      return JSON.parse(readFileSync(this.dataFile, 'utf8')) as T;
    }
    const fresh = this.seed();
    this.state = fresh;
    this.save();
    return fresh;
  }

  save(): void {
    if (!this.dataFile) return;
    mkdirSync(dirname(this.dataFile), { recursive: true });
    writeFileSync(this.dataFile, `${JSON.stringify(this.state, null, 2)}\n`);
  }

  /** Back to the seed (also rewrites the data file). */
  reset(): void {
    this.state = this.seed();
    this.save();
  }
}
