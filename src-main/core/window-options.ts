// The BrowserWindow options of each window kind, as a pure function so a test can hold every security setting.
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowKind } from '../../shared/contracts/ipc.js';

export interface WindowOptionsSettings {
  /** Only ever true in an unpackaged development run that asked for it. */
  readonly devTools: boolean;
}

export function windowOptions(kind: WindowKind, preloadPath: string, settings: WindowOptionsSettings): BrowserWindowConstructorOptions {
  const kiosk = kind === 'kiosk';
  return {
    title: kiosk ? '全国大学英语四、六级考试报名' : 'CET 报名 · 学校工作台',
    // Shown on ready-to-show, so nobody sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(kiosk
      ? { kiosk: true, fullscreen: true, frame: false, resizable: false, minimizable: false, maximizable: false, closable: false }
      : { width: 1366, height: 860, minWidth: 1024, minHeight: 700 }),
    webPreferences: {
      preload: preloadPath,
      // The Electron security checklist, every item spelled out rather than left to defaults.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      plugins: false,
      devTools: settings.devTools,
      // The UI uses its own dialogs; a native alert() would freeze a kiosk behind a modal.
      disableDialogs: true,
      safeDialogs: true,
      spellcheck: false,
      zoomFactor: 1,
      // The idle countdown lives in the main process; the page may still need its timers when hidden.
      backgroundThrottling: !kiosk,
    },
  };
}
