// scripts/lint/: the project's own lint rules: import boundaries (an ESLint rule) and the import-cycle check.
// An ESLint rule over resolved import paths: product code imports no test code, and main/cli/ is a door
// (it imports common/, the composition root, the in-process door, infrastructure and its own files).
import { dirname, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const isTest = (p) => /\.(test|integration\.test)\.tsx?$/.test(p) || /\.e2e\.ts$/.test(p);
const isTestOnly = (p) => p.startsWith('e2e/') || p.startsWith('test-support/') || isTest(p);

/** What main/cli/ may import besides its own files: the contract and rules in common/, the door and the root. */
const cliAllowed = (p) => p.startsWith('common/') || p.startsWith('main/cli/') || p.startsWith('main/infra/') || ['main/in-process-door.ts', 'main/services.ts', 'main/app-root.ts'].includes(p);
/**
 * The commands that are not calls of the contract, and the one module each may take from main/ for it:
 * `gentry progress` reads Nix's log on standard input (no machine, no call), and `gentry serve` and
 * `gentry demo` start another door (the web door; the demo world it shows).
 */
const cliCommandsBesideTheContract = {
  'main/cli/progress-cli.ts': ['main/progress/nix-log-parser.ts', 'main/progress/status-line.ts'],
  'main/cli/launch.ts': ['main/server/web-door.ts'],
  'main/cli/serve-cli.ts': ['main/demo/demo-world.ts'],
};
const cliMayImport = (from, to) => cliAllowed(to) || (cliCommandsBesideTheContract[from] ?? []).includes(to);

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
      if (from.startsWith('main/cli/') && !isTest(from) && !cliMayImport(from, to)) context.report({ node, messageId: 'cliDoor', data: { to } });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};
