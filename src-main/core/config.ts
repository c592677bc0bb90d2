// The device's configuration: a JSON file in userData, overridden by command-line flags, validated with zod.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { deviceName } from '../../shared/contracts/device.js';
import { campusCode } from '../../shared/contracts/http/fields.js';
import { windowKind } from '../../shared/contracts/ipc.js';

export const CONFIG_FILE_NAME = 'config.json';

const printerName = z.string().trim().min(1).max(200).nullable();

export const appConfig = z
  .object({
    /** The central registration server; http is for a campus LAN or development. */
    serverUrl: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3000'),
    /** Which window this device shows: the candidate kiosk or the teacher workstation. */
    window: windowKind.default('kiosk'),
    /** The campus this device stands on: enrolment with a code for another campus is refused. */
    campusCode: campusCode.optional(),
    /** Name shown in the server's device list; defaults to the host name. */
    deviceName: deviceName.optional(),
    /** Printer names as the OS knows them; null prints on the system default printer. */
    printers: z
      .object({ receipt: printerName.default(null), admissionTicket: printerName.default(null) })
      .strict()
      .prefault({}),
    /** SPEC K2: logout and wipe after this much inactivity, with a warning before. */
    idle: z
      .object({
        timeoutSeconds: z.number().int().min(30).max(3600).default(90),
        warningSeconds: z.number().int().min(5).max(300).default(15),
      })
      .strict()
      .refine((idle) => idle.warningSeconds < idle.timeoutSeconds, {
        message: 'the warning must come before the timeout',
        path: ['warningSeconds'],
      })
      .prefault({}),
    sync: z
      .object({
        /** Health poll while the server answers. */
        onlineIntervalSeconds: z.number().int().min(1).max(600).default(15),
        /** First retry ceiling once it stops answering; doubles per failure up to the cap. */
        offlineBaseSeconds: z.number().min(0.1).max(60).default(1),
        offlineCapSeconds: z.number().min(1).max(3600).default(60),
        requestTimeoutSeconds: z.number().min(1).max(120).default(10),
      })
      .strict()
      .prefault({}),
    /** Honoured only by an unpackaged (development) build. */
    devTools: z.boolean().default(false),
  })
  .strict();

export type AppConfig = z.output<typeof appConfig>;

export type ConfigOutcome =
  | { readonly ok: true; readonly config: AppConfig; readonly file: string; readonly fileFound: boolean }
  | { readonly ok: false; readonly file: string; readonly problems: readonly string[] };

const FLAGS = {
  config: { type: 'string' },
  window: { type: 'string' },
  'server-url': { type: 'string' },
  campus: { type: 'string' },
  'device-name': { type: 'string' },
  'printer-receipt': { type: 'string' },
  'printer-ticket': { type: 'string' },
  'idle-timeout': { type: 'string' },
  'idle-warning': { type: 'string' },
  'dev-tools': { type: 'boolean' },
} as const;

export interface ParsedFlags {
  /** Another config file than userData/config.json. */
  readonly configPath?: string;
  /** Overrides in the shape of the config file. */
  readonly overrides: Record<string, unknown>;
}

/**
 * Reads our flags and ignores everything else: Chromium and Electron put their own switches on
 * the same command line. Numbers stay strings that zod then refuses or accepts, so `--idle-timeout=abc`
 * is reported, not silently dropped.
 */
export function parseFlags(argv: readonly string[]): ParsedFlags {
  const { values } = parseArgs({ args: [...argv], options: FLAGS, strict: false, allowPositionals: true });
  const text = (name: keyof typeof FLAGS): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const number = (name: keyof typeof FLAGS): number | string | undefined => {
    const value = text(name);
    return value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value;
  };
  const overrides: Record<string, unknown> = {};
  const set = (path: readonly string[], value: unknown): void => {
    if (value === undefined) return;
    let target = overrides;
    for (const key of path.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    target[path[path.length - 1] ?? ''] = value;
  };
  set(['window'], text('window'));
  set(['serverUrl'], text('server-url'));
  set(['campusCode'], text('campus'));
  set(['deviceName'], text('device-name'));
  set(['printers', 'receipt'], text('printer-receipt'));
  set(['printers', 'admissionTicket'], text('printer-ticket'));
  set(['idle', 'timeoutSeconds'], number('idle-timeout'));
  set(['idle', 'warningSeconds'], number('idle-warning'));
  set(['devTools'], values['dev-tools'] === true ? true : undefined);
  const configPath = text('config');
  return configPath === undefined ? { overrides } : { configPath, overrides };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flags win over the file, key by key, one level of nesting deep (printers, idle, sync). */
function merge(file: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...file };
  for (const [key, value] of Object.entries(overrides)) {
    const base = merged[key];
    merged[key] = isRecord(base) && isRecord(value) ? { ...base, ...value } : value;
  }
  return merged;
}

export async function loadConfig(userDataDir: string, argv: readonly string[]): Promise<ConfigOutcome> {
  const flags = parseFlags(argv);
  const file = flags.configPath ?? join(userDataDir, CONFIG_FILE_NAME);
  let fromFile: unknown = {};
  let fileFound = true;
  try {
    fromFile = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      fileFound = false;
    } else {
      return { ok: false, file, problems: [`cannot read ${file}: ${(error as Error).message}`] };
    }
  }
  if (!isRecord(fromFile)) return { ok: false, file, problems: [`${file} must hold a JSON object`] };
  const parsed = appConfig.safeParse(merge(fromFile, flags.overrides));
  if (!parsed.success) {
    return {
      ok: false,
      file,
      problems: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`),
    };
  }
  return { ok: true, config: parsed.data, file, fileFound };
}
