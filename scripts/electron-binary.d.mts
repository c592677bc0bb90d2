// Types of electron-binary.mjs for the TypeScript tests that share it.
export declare const electronDir: string;
export declare function electronBinary(): string | null;
export declare const NO_ELECTRON_EXIT_CODE: number;
