import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEB_HELPER_PATH, policyWithExecPath } from './deb-stage.js';

const template = readFileSync(join(dirname(import.meta.dirname), 'native-helpers/polkit/org.gentry.helper.policy'), 'utf8');
const action = (id: string, path?: string) =>
  `<action id="${id}"><defaults/>${path === undefined ? '' : `<annotate key="org.freedesktop.policykit.exec.path">${path}</annotate>`}</action>`;

describe('policyWithExecPath', () => {
  it("sets every action's exec.path of the real template, and changes nothing else", () => {
    const out = policyWithExecPath(template, DEB_HELPER_PATH);
    const paths = [...out.matchAll(/exec\.path">([^<]*)</g)].map((m) => m[1]);
    expect(paths.length).toBe(template.match(/<action id="/g)?.length);
    expect(new Set(paths)).toEqual(new Set([DEB_HELPER_PATH]));
    expect(out.length - template.length).toBe(paths.length * (DEB_HELPER_PATH.length - '/run/current-system/sw/libexec/gentry-helper'.length));
  });
  it('refuses a template where an action does not name the helper, or names it twice', () => {
    expect(() => policyWithExecPath(`<policyconfig>${action('a', '/x')}${action('b')}</policyconfig>`, DEB_HELPER_PATH)).toThrow(/2 actions and 1 exec.path/);
    expect(() => policyWithExecPath('<policyconfig></policyconfig>', DEB_HELPER_PATH)).toThrow(/0 actions/);
  });
  it('refuses a relative path or one that would break the XML', () => {
    const t = `<policyconfig>${action('a', '/x')}</policyconfig>`;
    expect(() => policyWithExecPath(t, 'usr/libexec/gentry-helper')).toThrow(/absolute/);
    expect(() => policyWithExecPath(t, '/usr/libexec/a</annotate>')).toThrow(/XML/);
    expect(() => policyWithExecPath(t, '/usr/lib exec/x')).toThrow(/spaces/);
  });
});
