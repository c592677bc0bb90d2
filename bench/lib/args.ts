// Command-line flags of a bench part: `--name=value` or `--name value`, checked against the part's own list.

export function parseFlags<T extends Record<string, number | string | boolean>>(argv: readonly string[], defaults: T): T {
  const values: Record<string, number | string | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (match === null) throw new Error(`unknown argument ${arg}; flags: ${Object.keys(defaults).map((name) => `--${name}`).join(' ')}`);
    const name = match[1] ?? '';
    if (!(name in defaults)) throw new Error(`unknown flag --${name}; flags: ${Object.keys(defaults).map((key) => `--${key}`).join(' ')}`);
    const kind = typeof defaults[name];
    let raw = match[2];
    if (raw === undefined && kind === 'boolean') raw = 'true';
    if (raw === undefined) {
      raw = argv[i + 1];
      i += 1;
    }
    if (raw === undefined) throw new Error(`--${name} needs a value`);
    if (kind === 'number') {
      const value = Number(raw);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, not ${raw}`);
      values[name] = value;
    } else if (kind === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new Error(`--${name} is true or false, not ${raw}`);
      values[name] = raw === 'true';
    } else values[name] = raw;
  }
  return values as T;
}
