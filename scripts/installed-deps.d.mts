export function installMatches(pkg: unknown, lock: unknown, installed: unknown): boolean;
export function needsInstall(dir?: string): boolean;
