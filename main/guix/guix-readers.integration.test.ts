// Gentry's Guix readers against Guix's own code (the oracle: Guix's source under Debian's Guile), field by field,
// on profiles written under a temporary root as Guix lays them out; and malformed files as problems.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureGuixOracle, guixOracleJson, guixOracleText } from '../../test-support/guix-oracle.ts';
import { gentryBootMenu, gentryFields, leafCount, oracleFields } from '../../test-support/guix-oracle-shape.ts';
import { guixBootMenu } from './boot-menu.ts';
import { type EntrySpec, GuixWorld, manifestText, parametersText, provenanceText, storeName } from '../../test-support/guix-world.ts';
import { guixProfilePaths } from './guix-locations.ts';
import { listGenerationsText } from './list-generations-text.ts';
import { readGuixProfile } from './read-guix-profile.ts';
import { list, str, sym } from './sexp.ts';

const guixChannel = (commit: string) => ({ name: 'guix', url: 'https://git.guix.gnu.org/guix.git', branch: 'master', commit });
const nonguix = { name: 'nonguix', url: 'https://gitlab.com/nonguix/nonguix', branch: null, commit: 'e0f1c2d3b4a5968778695a4b3c2d1e0f12345678' };
const glibc: EntrySpec = { name: 'glibc', version: '2.41', searchPaths: [{ variable: 'GUIX_LOCPATH', files: ['lib/locale'], separator: ':', type: 'directory', pattern: null }] };
const gcc: EntrySpec = { name: 'gcc-toolchain', version: '14.3.0', deps: [glibc, { name: 'binutils', version: '2.44' }] };
const python: EntrySpec = {
  name: 'python',
  version: '3.11.14',
  deps: [glibc, { name: 'python-wrapper', version: '3.11.14', deps: [glibc] }],
  searchPaths: [{ variable: 'GUIX_PYTHONPATH', files: ['lib/python3.11/site-packages'], separator: ':', type: 'directory', pattern: null }, { variable: 'SSL_CERT_FILE', files: ['etc/ssl/certs/ca-certificates.crt'], separator: null, type: 'regular', pattern: null }],
  properties: list([list([sym('transformations')], list([list([sym('with-commit')], str('python=v3.11.14\t"q"\\'))]))]),
};
const emacs: EntrySpec = { name: 'emacs', version: '30.2', output: 'out', properties: list([list([sym('profile-name')], str('editor'))]) };
const git = (v: string): EntrySpec => ({ name: 'git', version: v, deps: [glibc] });
const gitSend: EntrySpec = { name: 'git', version: '2.52.0', output: 'send-email', deps: [glibc] };
const linux = (v: string) => `${storeName(`linux-libre-${v}`)}/bzImage`;

let root: string;
let world: GuixWorld;

function buildGood(w: GuixWorld): void {
  // System: 1 (v0, device path, old initrd form, v3 manifest), [2 deleted], 3 (v1, UUID, LUKS store, extra
  // menu entries, two channels), 5 (v1, label, no bootloader-name → grub, kernel directory), 6 (v1, newest); current 5.
  w.systemGeneration(1, {
    boot: { version: 0, label: 'GNU with Linux-Libre 6.1.10', root: '/dev/sda2', kernel: linux('6.1.10'), args: ['quiet'], initrd: { dir: storeName('raw-initrd'), file: '/initrd.cpio.gz' }, storeDevice: false },
    provenance: provenanceText([guixChannel('1111111111111111111111111111111111111111')], '/etc/config.scm'),
    manifest: manifestText([gcc, git('2.41.0')], 3),
  });
  w.systemGeneration(3, {
    boot: {
      version: 1,
      label: 'GNU with Linux-Libre 6.12.3',
      root: { uuid: '1c9e2b6e-5c3b-4d2a-9f1e-0a1b2c3d4e5f', type: 'ext4' },
      kernel: linux('6.12.3'),
      args: ['modprobe.blacklist=pcspkr', 'quiet'],
      cryptoDevices: ['0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9'],
      storeDevice: { uuid: '1c9e2b6e-5c3b-4d2a-9f1e-0a1b2c3d4e5f', type: 'ext4' },
      directoryPrefix: '/@root',
      menuEntries: [
        { label: 'Debian', device: { uuid: 'ABCDEF01-2345-4678-9ABC-DEF012345678', type: 'ext4' }, mountPoint: '/', linux: '/vmlinuz', args: ['root=/dev/sda5', 'ro'], initrd: '/initrd.img' },
        { label: 'Rescue', device: { label: 'rescue' }, mountPoint: null, linux: '/boot/rescue', args: [], initrd: '/boot/rescue.img' },
      ],
    },
    provenance: provenanceText([guixChannel('3333333333333333333333333333333333333333'), nonguix], '/etc/config.scm'),
    manifest: manifestText([gcc, python, git('2.47.1'), gitSend], 4),
  });
  w.systemGeneration(5, {
    boot: { version: 1, label: 'GNU with Linux-Libre 6.12.9', root: { label: 'guix-root' }, kernel: storeName('linux-libre-6.12.9'), args: [], bootloader: null },
    provenance: provenanceText([guixChannel('5555555555555555555555555555555555555555')], null),
    manifest: manifestText([python, emacs], 4),
  });
  w.systemGeneration(6, {
    boot: { version: 1, label: 'GNU with Linux-Libre 6.13.1', root: '/dev/mapper/root', kernel: linux('6.13.1'), args: ['console=ttyS0'], bootloader: 'grub-efi', storeDevice: { label: 'store' }, storeMountPoint: '/gnu' },
    provenance: null,
    manifest: manifestText([], 4),
  });
  w.setCurrent(w.system, 5, 'absolute');

  // Home: 1, 2, [3 deleted], 4; current 2 (absolute, as guix home writes it).
  w.homeGeneration('alice', 1, { provenance: provenanceText([guixChannel('a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1')], '/home/alice/home.scm'), manifest: manifestText([emacs], 4) });
  w.homeGeneration('alice', 2, { provenance: provenanceText([guixChannel('a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2'), nonguix], '/home/alice/home.scm'), manifest: manifestText([emacs, git('2.47.1')], 4) });
  w.homeGeneration('alice', 4, { provenance: null, manifest: manifestText([python], 4) });
  w.setCurrent(w.home('alice'), 2, 'absolute');

  // User profile: 1 (v3), [2, 3 deleted], 4 (v4), 7 (v4); current 4 (relative, as guix package writes it).
  w.userGeneration('alice', 1, manifestText([git('2.41.0'), python], 3));
  w.userGeneration('alice', 4, manifestText([git('2.47.1'), gitSend, python, gcc], 4));
  w.userGeneration('alice', 7, manifestText([emacs, gcc], 4));
  w.setCurrent(w.userProfile('alice'), 4, 'relative');
}

/** Older and rarer forms Guix still reads: each a generation of a second system profile. */
function buildEdges(w: GuixWorld): void {
  const bv = (hex: string) => `#vu8(${[...Buffer.from(hex, 'hex')].join(' ')})`;
  const k = linux('6.6.1');
  const p = (body: string) => `(boot-parameters ${body})`;
  const edges: string[] = [
    // version 0, a bare bytevector root (the oldest format), no store field, no locale, no initrd, a short kernel
    // directory name that Guix completes with the image name
    p(`(version 0) (label "GNU \\"old\\"\\tone") (root-device ${bv('6b700d6155504a18874ca3d86998990e')}) (kernel "/boot/linux-6.1") (kernel-arguments ("ro"))`),
    // "tmpfs" as the root (a label, by the old inference): rootfstype=tmpfs; a FAT store device; crypto devices with one Guix cannot read
    p(`(version 1) (label "tmpfs root") (root-device "tmpfs") (kernel "${k}") (kernel-arguments ()) (initrd "${storeName('initrd')}/initrd.cpio.gz") (bootloader-name grub-efi) (bootloader-menu-entries ()) (locale "fr_FR.utf8") (store (device (uuid fat32 ${bv('0a1b2c3d')})) (mount-point "/gnu/store") (directory-prefix #f) (crypto-devices ((uuid luks ${bv('00112233445566778899aabbccddeeff')}) "/dev/sda3")))`),
    // an NFS root; an ISO 9660 store device; extra menu entries of the three kinds, one UUID Guix cannot parse
    p(`(version 1) (label "nfs") (root-device "server:/export/guix") (kernel "${k}") (kernel-arguments ("ip=dhcp")) (bootloader-name grub) (bootloader-menu-entries ((menu-entry (version 0) (label "Other") (device (uuid ext4 "6B700D61-5550-4A18-874C-A3D86998990E")) (device-mount-point "/") (linux "/vmlinuz") (linux-arguments ("quiet")) (initrd "/initrd")) (menu-entry (version 0) (label "Hurd") (device "hd0,msdos1") (device-mount-point #f) (multiboot-kernel "/boot/gnumach") (multiboot-arguments ()) (multiboot-modules ())) (menu-entry (version 0) (label "Windows") (device (label "EFI")) (device-mount-point #f) (chain-loader "/EFI/Microsoft/Boot/bootmgfw.efi")) (menu-entry (version 0) (label "Broken UUID") (device (uuid ext4 "not-a-uuid")) (device-mount-point "/") (linux "/vmlinuz") (linux-arguments ()) (initrd "/initrd")))) (locale "en_US.utf8") (store (device (uuid iso9660 ${bv(Buffer.from('2026120317382700').toString('hex'))})) (mount-point "/") (directory-prefix "/store") (crypto-devices ()))`),
    // a label root written the new way, a store device #f (= the root), an NTFS crypto device, an unknown field
    p(`(version 1) (label "label root") (root-device (file-system-label "my root")) (kernel "${k}") (kernel-arguments ("a=b" "c")) (multiboot-modules ()) (bootloader-name extlinux) (bootloader-menu-entries ()) (locale "en_US.utf8") (future-field 1 2 3) (store (device #f) (mount-point "/") (directory-prefix #f) (crypto-devices ((uuid ntfs ${bv('0102030405060708')}))))`),
  ];
  const manifests = [
    '(manifest (version 4 1) (packages (("hello" "2.12.1" "out" "/gnu/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-hello-2.12.1" (unknown-field x) (properties ())))))',
    '(manifest (version 3) (packages (("hello" "2.12.1" "out" "/gnu/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-hello-2.12.1" (propagated-inputs ()) (search-paths ())))))',
    manifestText([python], 4),
    '(manifest (version 3 0) (packages (("a" "1" "out" "/gnu/store/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-a-1" (propagated-inputs ()) (search-paths (("X" ("bin") #f directory "^x$"))) (other 1) (properties (k . "v") (n . 2))))))',
  ];
  const numbers = [2, 9, 10, 11];
  edges.forEach((boot, i) => {
    const item = w.systemGeneration(numbers[i]!, { boot, provenance: i === 1 ? '(provenance (version 0) (channels) (configuration-file "/etc/c.scm"))' : null, manifest: manifests[i]! });
    if (numbers[i] === 9) w.relink(w.system, 9, item);
  });
  w.setCurrent(w.system, 10, 'relative');
}

let edgeWorld: GuixWorld;

beforeAll(() => {
  ensureGuixOracle();
  root = mkdtempSync(join(tmpdir(), 'gentry-guix-'));
  world = new GuixWorld(join(root, 'good'));
  buildGood(world);
  edgeWorld = new GuixWorld(join(root, 'edges'));
  buildEdges(edgeWorld);
}, 900_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('Guix profiles read as Guix reads them (oracle: Guix\'s own code)', () => {
  const totals = { profiles: 0, generations: 0, fields: 0, textBytes: 0, menus: 0 };
  afterAll(() => {
    console.log(`guix oracle: ${totals.profiles} profiles, ${totals.generations} generations, ${totals.fields} fields (with ${totals.menus} boot menus) and ${totals.textBytes} bytes of list-generations text compared`);
  });

  for (const [kind, profileOf, what] of [
    ['guix-system', (w: GuixWorld) => w.system, 'v0 and v1 parameters, path/UUID/label roots, a LUKS store, extra menu entries, channels'],
    ['guix-system', () => edgeWorld.system, 'the older and rarer forms (bytevector, tmpfs, NFS roots; FAT, ISO 9660, NTFS UUIDs; multiboot and chain-loader entries; a relative link)'],
    ['guix-home', (w: GuixWorld) => w.home('alice'), 'provenance and manifests'],
    ['guix-user', (w: GuixWorld) => w.userProfile('alice'), 'manifests v3 and v4 with repeated dependencies, search paths, properties'],
  ] as const) {
    it(`${kind}, ${what}: numbers with holes, current, dates and every generation's files equal Guix's reading, and list-generations prints the same bytes`, async () => {
      const profile = profileOf(world);
      const paths = guixProfilePaths({ env: { USER: 'alice' }, user: 'nobody', root: profile.startsWith(world.root) ? world.root : edgeWorld.root });
      expect(kind === 'guix-system' ? paths.system : kind === 'guix-home' ? paths.home : paths.user).toBe(profile);
      const mine = await readGuixProfile(kind, profile, { arch: 'x64' });
      const oracle = guixOracleJson(profile);
      expect(mine.generations.flatMap((g) => g.problems)).toEqual([]);
      const theirs = oracleFields(oracle);
      const ours = gentryFields(mine);
      expect(ours).toEqual(theirs);
      expect(listGenerationsText(mine, { utc: true })).toBe(oracle.text);
      if (kind === 'guix-system') {
        const menu = guixBootMenu(mine, { utc: true })!;
        expect(menu.leftOut).toEqual([]);
        expect(gentryBootMenu(menu)).toEqual(oracle['boot-menu']);
        expect(menu.entries.length + menu.oldEntries.length).toBeGreaterThanOrEqual(4);
        totals.fields += leafCount(oracle['boot-menu']);
        totals.menus++;
      }
      expect(mine.numbers.length).toBeGreaterThanOrEqual(3);
      totals.profiles++;
      totals.generations += mine.generations.length;
      totals.fields += leafCount(theirs);
      totals.textBytes += Buffer.byteLength(oracle.text);
    }, 120_000);
  }

  it('the rarer forms read as expected (and as the oracle agreed above)', async () => {
    const r = await readGuixProfile('guix-system', edgeWorld.system, { arch: 'x64' });
    const boot = r.generations.map((g) => g.boot!);
    expect(r.numbers).toEqual([2, 9, 10, 11]);
    expect(r.current).toBe(10);
    expect(boot[0]).toMatchObject({ version: 0, label: 'GNU "old"\tone', kernel: '/boot/linux-6.1/bzImage', initrd: null, locale: null, storeMountPoint: '/', rootDevice: { type: 'uuid', uuidType: 'dce', value: '6b700d61-5550-4a18-874c-a3d86998990e' } });
    expect(boot[0]!.kernelArguments).toEqual(['--root=6b700d61-5550-4a18-874c-a3d86998990e', `--system=${edgeWorld.system}-2-link`, `--load=${edgeWorld.system}-2-link/boot`, 'ro']);
    expect(boot[1]).toMatchObject({ rootDevice: { type: 'label', value: 'tmpfs' }, storeDevice: { type: 'uuid', uuidType: 'fat32', value: '3D2C-1B0A' }, storeCryptoDevices: [{ type: 'uuid', uuidType: 'luks', value: '00112233-4455-6677-8899-aabbccddeeff' }, null] });
    expect(boot[1]!.kernelArguments.slice(0, 1)).toEqual(['rootfstype=tmpfs']);
    expect(r.generations[1]!.canonicalFileName).toMatch(/\/var\/guix\/profiles\/\.\.\/\.\.\/\.\.\/gnu\/store\/[0-9a-z]{32}-system$/);
    expect(boot[2]!.storeDevice).toEqual({ type: 'uuid', uuidType: 'iso9660', value: '2026-12-03-17-38-27-00' });
    expect(boot[2]!.menuEntries.map((m) => [m.label, m.device, m.linux ?? m.multibootKernel ?? m.chainLoader])).toEqual([
      ['Other', { type: 'uuid', uuidType: 'ext4', value: '6b700d61-5550-4a18-874c-a3d86998990e' }, '/vmlinuz'],
      ['Hurd', { type: 'device', value: 'hd0,msdos1' }, '/boot/gnumach'],
      ['Windows', { type: 'label', value: 'EFI' }, '/EFI/Microsoft/Boot/bootmgfw.efi'],
      ['Broken UUID', null, '/vmlinuz'],
    ]);
    expect(boot[3]).toMatchObject({ rootDeviceText: 'label: "my root"', bootloaderName: 'extlinux', storeDevice: { type: 'label', value: 'my root' }, storeCryptoDevices: [{ type: 'uuid', uuidType: 'ntfs', value: '0807060504030201' }] });
    expect(r.generations[3]!.manifest!.entries[0]!.properties).toBe('((k . "v") (n . 2))');
  });

  it('the root device is printed as Guix prints it: a path, UUID: … or label: "…"', async () => {
    const mine = await readGuixProfile('guix-system', world.system, { arch: 'x64' });
    const printed = guixOracleText(world.system);
    expect(printed.ok).toBe(true);
    const lines = printed.ok ? printed.text.split('\n').filter((l) => l.startsWith('  root device: ')) : [];
    expect(lines).toEqual(mine.generations.map((g) => `  root device: ${g.boot!.rootDeviceText}`));
    expect(lines).toEqual(['  root device: /dev/sda2', '  root device: UUID: 1c9e2b6e-5c3b-4d2a-9f1e-0a1b2c3d4e5f', '  root device: label: "guix-root"', '  root device: /dev/mapper/root']);
  }, 120_000);
});

describe('Guix profiles with broken files: a problem on that generation, every generation listed', () => {
  it('system: malformed, missing and too-new parameters, malformed manifest and provenance, a dangling link, a FIFO', async () => {
    const w = new GuixWorld(join(root, 'broken'));
    const ok = { version: 1 as const, label: 'GNU', root: '/dev/sda1', kernel: linux('6.12.3'), args: [] };
    w.systemGeneration(1, { boot: ok, provenance: provenanceText([guixChannel('1'.repeat(40))], null), manifest: manifestText([git('2.47.1')], 4) });
    w.systemGeneration(2, { boot: parametersText(ok).slice(0, -2), provenance: null, manifest: manifestText([], 4) });
    w.systemGeneration(3, { boot: null, provenance: null, manifest: manifestText([], 4) });
    w.systemGeneration(4, { boot: parametersText(ok).replace('(version 1)', '(version 2)'), provenance: null, manifest: manifestText([], 4) });
    w.systemGeneration(5, { boot: ok, provenance: '(provenance (version 0) (channels (channel (name guix))) (configuration-file #f))', manifest: '(manifest (version 4) (packages (("git" "2.47.1" "out" 42))))' });
    w.systemGeneration(6, { boot: ok, provenance: null, manifest: '(manifest (version 4) (packages ((repeated "git" "2.47.1" "/gnu/store/x-git"))))' });
    const seven = w.systemGeneration(7, { boot: ok, provenance: null, manifest: null });
    rmSync(w.onDisk(seven), { recursive: true });
    const eight = w.systemGeneration(8, { boot: null, provenance: null, manifest: manifestText([], 4) });
    execFileSync('mkfifo', [join(w.onDisk(eight), 'parameters')]);
    w.setCurrent(w.system, 1, 'relative');

    const r = await readGuixProfile('guix-system', w.system, { arch: 'x64' });
    expect(r.numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.current).toBe(1);
    const problems = Object.fromEntries(r.generations.map((g) => [g.number, g.problems.map((p) => p.replaceAll(w.root, 'ROOT'))]));
    expect(problems[1]).toEqual([]);
    expect(problems[2]).toEqual([expect.stringMatching(/^ROOT\/var\/guix\/profiles\/system-2-link\/parameters is not readable Scheme data: unexpected end of input: expected "\)" to close the list opened at offset \d+ at line 1, column \d+ \(offset \d+\)$/)]);
    expect(problems[3]).toEqual(['ROOT/var/guix/profiles/system-3-link/parameters is missing']);
    expect(problems[4]).toEqual(['ROOT/var/guix/profiles/system-4-link/parameters: unrecognized boot parameters: expected version 0 or 1 (a newer Guix wrote this file), found 2']);
    expect(problems[5]).toEqual([
      'ROOT/var/guix/profiles/system-5-link/profile/manifest: expected the entry item (a string), found 42',
      'ROOT/var/guix/profiles/system-5-link/provenance: expected (channel (name …) (url …) (branch …) (commit …) …), found (channel (name guix))',
    ]);
    expect(problems[6]).toEqual(['ROOT/var/guix/profiles/system-6-link/profile/manifest: invalid repeated entry in profile: (repeated "git" "2.47.1" "/gnu/store/x-git") (no such entry before it)']);
    expect(problems[7]).toEqual([expect.stringMatching(/^ROOT\/var\/guix\/profiles\/system-7-link points at ROOT\/gnu\/store\/[0-9a-z]{32}-system, which does not exist/)]);
    expect(problems[8]).toEqual([expect.stringMatching(/^ROOT\/var\/guix\/profiles\/system-8-link\/parameters is a FIFO \(named pipe\), not a regular file/)]);
    expect(r.generations.map((g) => g.boot === null)).toEqual([false, true, true, true, false, false, true, true]);
    expect(r.generations[0]!.manifest!.entries.map((e) => e.name)).toEqual(['git']);
    const menu = guixBootMenu(r, { utc: true })!;
    expect(menu.entries.map((e) => e.label)).toEqual([expect.stringMatching(/^GNU \(#1, \d{4}-\d\d-\d\d \d\d:\d\d\)$/)]);
    expect(menu.oldEntries.map((e) => e.label.replace(/, .*/, ''))).toEqual(['GNU (#6', 'GNU (#5']);
    expect(menu.leftOut.map((l) => l.number)).toEqual([8, 7, 4, 3, 2]);
    // Guix itself stops on the malformed parameters (it reads every generation to list them).
    expect(guixOracleText(w.system).ok).toBe(false);
  }, 120_000);

  it('user profile: a missing profile directory is a profile problem; a manifest too large or unreadable is a generation problem', async () => {
    const w = new GuixWorld(join(root, 'broken-user'));
    const none = await readGuixProfile('guix-user', w.userProfile('bob'));
    expect(none.generations).toEqual([]);
    expect(none.problem).toBe(`${w.userProfile('bob')} does not exist and has no generations beside it`);
    w.userGeneration('bob', 2, manifestText([git('2.47.1')], 4));
    const big = w.userGeneration('bob', 3, null);
    writeFileSync(join(w.onDisk(big), 'manifest'), ' '.repeat(33 * 1024 * 1024));
    w.userGeneration('bob', 4, '(manifest (version 2) (packages ()))');
    w.setCurrent(w.userProfile('bob'), 9, 'relative');
    const r = await readGuixProfile('guix-user', w.userProfile('bob'));
    expect(r.numbers).toEqual([2, 3, 4]);
    expect(r.current).toBe(9); // the link names generation 9, whose link is gone: Guix says 9 too
    expect(r.generations.map((g) => g.current)).toEqual([false, false, false]);
    expect(r.generations.map((g) => g.problems.map((p) => p.replaceAll(w.root, 'ROOT')))).toEqual([
      [],
      ['ROOT/var/guix/profiles/per-user/bob/guix-profile-3-link/manifest is larger than 33554432 bytes, more than Guix writes there; Gentry does not read it'],
      ['ROOT/var/guix/profiles/per-user/bob/guix-profile-4-link/manifest: unsupported manifest format: version 2 (Gentry reads versions 3 and 4, which Guix has written since 2017)'],
    ]);
    expect(guixOracleText(w.userProfile('bob')).ok).toBe(false); // Guix too stops on the version 2 manifest without entries
  }, 120_000);
});
