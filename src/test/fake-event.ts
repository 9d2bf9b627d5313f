/** A chrome.events.Event stand-in whose listeners tests can fire. */
export class FakeEvent<Listener extends (...args: never[]) => unknown> {
  readonly listeners = new Set<Listener>();

  addListener = (listener: Listener): void => {
    this.listeners.add(listener);
  };

  removeListener = (listener: Listener): void => {
    this.listeners.delete(listener);
  };

  hasListener = (listener: Listener): boolean => this.listeners.has(listener);

  hasListeners = (): boolean => this.listeners.size > 0;

  dispatch(...args: Parameters<Listener>): ReturnType<Listener>[] {
    return [...this.listeners].map((listener) => listener(...args) as ReturnType<Listener>);
  }
}
