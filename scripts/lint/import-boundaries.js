// An ESLint rule over resolved import paths: product code imports no test code, and main/cli/ is a door
// (it imports common/, the composition root, the in-process door, infrastructure and its own files).
import { dirname, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const isTest = (p) => /\.(test|integration\.test)\.tsx?$/.test(p) || /\.e2e\.ts$/.test(p);
const isTestOnly = (p) => p.startsWith('e2e/') || p.startsWith('test-support/') || isTest(p);

/** What main/cli/ may import besides its own files: the contract and rules in common/, the door and the root. */
const cliAllowed = (p) => p.startsWith('common/') || p.startsWith('main/cli/') || p.startsWith('main/infra/') || ['main/in-process-door.ts', 'main/services.ts', 'main/app-root.ts'].includes(p);
/**
 * Imports main/cli/ still makes today that bypass the door; they go as the CLI is rewritten to call the
 * in-process door. Do not add to this list.
 */
const cliKnownExceptions = new Set([
  'main/boot/grub-cfg.ts', 'main/generations/previews.ts', 'main/helper/helper-client.ts', 'main/helper/helper-binary.ts',
  'main/nix/locations.ts', 'main/pins/pin-engine.ts', 'main/pins/pin-services.ts', 'main/pins/pins-text.ts',
  'main/progress/nix-log-parser.ts', 'main/progress/status-line.ts', 'main/server/web-door.ts', 'main/settings/settings.ts',
  'worlds/index.ts', 'main/demo/demo-world.ts', 'main/diff/resolve-side.ts', 'main/diff/generation-diff.ts', 'main/nix/profile-links.ts', 'main/nix/profile-path.ts',
]);

/** The rule: reports each import (static, dynamic or re-export) that crosses a boundary above. */
export const importBoundaries = {
  meta: { type: 'problem', schema: [], messages: { testCode: '{{from}} is product code and imports test code {{to}}: move what both need out of e2e/, test-support/ or the test file.', cliDoor: 'main/cli/ is a door: {{to}} is not common/, the in-process door or the composition root; call the service through the in-process door instead.' } },
  create(context) {
    const from = relative(root, context.filename);
    const check = (node) => {
      const spec = node?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = relative(root, resolve(dirname(context.filename), spec));
      if (!isTestOnly(from) && isTestOnly(to)) context.report({ node, messageId: 'testCode', data: { from, to } });
      if (from.startsWith('main/cli/') && !isTest(from) && !cliAllowed(to) && !cliKnownExceptions.has(to)) context.report({ node, messageId: 'cliDoor', data: { to } });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};
