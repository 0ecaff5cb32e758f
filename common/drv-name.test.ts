import { describe, expect, it } from 'vitest';
import { parseDrvName } from './drv-name.ts';

describe('parseDrvName', () => {
  it.each([
    ['apache-httpd-2.0.48', 'apache-httpd', '2.0.48'],
    ['foo-1a-bin', 'foo', '1a-bin'],
    ['hello', 'hello', ''],
    ['python3.12-requests-2.32.3', 'python3.12-requests', '2.32.3'],
    ['perl5.40.0-URI-5.21', 'perl5.40.0-URI', '5.21'],
    ['nixos-system-web-01-25.05.20250904.fe83bbd', 'nixos-system-web', '01-25.05.20250904.fe83bbd'],
    ['trailing-', 'trailing-', ''],
    ['openssl-3.4.1-dev', 'openssl', '3.4.1-dev'],
  ])('%s → %s / %s', (input, name, version) => {
    expect(parseDrvName(input)).toEqual({ name, version });
  });
});
