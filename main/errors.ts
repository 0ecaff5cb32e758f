// Typed failures that cross the doors as `{code, message, hint}` (common/contract.ts GentryErrorSchema).
import type { GentryErrorShape } from '../common/contract.ts';

/** An error that says what went wrong and what the person can do next. */
export class GentryError extends Error {
  override name = 'GentryError';
  readonly code: GentryErrorShape['code'];
  readonly hint: string | null;

  constructor(code: GentryErrorShape['code'], message: string, hint: string | null = null) {
    super(message);
    this.code = code;
    this.hint = hint;
  }

  /** The wire form of this error. */
  toShape(): GentryErrorShape {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}
