// The demo as a door opens it: doorContext's openDemo builds the world in the cache directory the
// environment names (loading the world builder only then), and the services switch to it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeWorld } from '../../worlds/index.ts';
import { silentLogger } from '../infra/log.ts';
import { createServices, doorContext } from '../services.ts';

const tmp = mkdtempSync(join(tmpdir(), 'gentry-demo-door-'));
const dir = join(tmp, 'cache/gentry/demo');

describe('the demo through doorContext', () => {
  afterAll(() => removeWorld(dir));

  it('builds the world under XDG_CACHE_HOME, switches the services to it, and lists its profiles', async () => {
    const ctx = doorContext({ options: {}, env: { XDG_CACHE_HOME: join(tmp, 'cache') }, homeDir: tmp, user: 'nobody', log: silentLogger });
    const services = createServices({ ...ctx, stateDir: join(tmp, 'state'), configDir: join(tmp, 'config') });
    try {
      const caller = { client: 'test' };
      expect(await services.handlers.machine({}, caller)).toMatchObject({ demo: false });
      const machine = await services.handlers.openDemo({}, caller);
      expect(machine).toMatchObject({ demo: true, hasSystemProfile: true, systemProfile: join(dir, 'nix/var/nix/profiles/system') });
      const { profiles } = await services.handlers.listProfiles({}, caller);
      expect(profiles.find((p) => p.kind === 'system')?.generations.length).toBeGreaterThan(1);
      expect(profiles.some((p) => p.kind === 'home')).toBe(true);
    } finally {
      services.close();
    }
  });
});
