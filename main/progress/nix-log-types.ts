// The numbers of Nix's `--log-format internal-json` protocol that Gentry reads (shared/reference/
// nix-formats.md §9; Nix src/libutil/logging.hh). Plain constants: no enums (type stripping).

/** Activity types (`start` events' `type`). */
export const ACT = {
  unknown: 0,
  copyPath: 100,
  fileTransfer: 101,
  realise: 102,
  copyPaths: 103,
  builds: 104,
  build: 105,
  optimiseStore: 106,
  verifyPaths: 107,
  substitute: 108,
  queryPathInfo: 109,
  postBuildHook: 110,
  buildWaiting: 111,
  fetchTree: 112,
} as const;

/** Result types (`result` events' `type`). */
export const RES = {
  fileLinked: 100,
  buildLogLine: 101,
  untrustedPath: 102,
  corruptedPath: 103,
  setPhase: 104,
  progress: 105,
  setExpected: 106,
  postBuildLogLine: 107,
  fetchStatus: 108,
} as const;

/** Verbosity levels of `msg` and `start` events. */
export const LEVEL = { error: 0, warn: 1, notice: 2, info: 3, talkative: 4, chatty: 5, debug: 6, vomit: 7 } as const;

/** What Nix shows without `-v`: messages and activity texts at this level or below. */
export const SHOWN_LEVEL = LEVEL.info;

/** The prefix of every internal-json line. */
export const NIX_PREFIX = '@nix ';
