// Byte sizes used when giving store paths their narSize.

/** One KiB in bytes. */
export const KiB = 1024;
/** One MiB in bytes. */
export const MiB = 1024 * 1024;
