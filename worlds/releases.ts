// NixOS releases: which one a channel commit belongs to, its code name and its default kernel series.

/** One NixOS release as the world uses it. */
export interface Release {
  version: string;
  codeName: string;
  /** The first day (UTC) commits on its channel carry this release number. */
  from: Date;
  /** The kernel series a machine on this release runs, and the first patch level seen. */
  kernelSeries: string;
  firstKernelPatch: number;
}

const table: [string, string, string, number][] = [
  ['18.09', 'Jellyfish', '4.14', 71],
  ['19.03', 'Koi', '4.19', 34],
  ['19.09', 'Loris', '4.19', 75],
  ['20.03', 'Markhor', '5.4', 28],
  ['20.09', 'Nightingale', '5.4', 66],
  ['21.05', 'Okapi', '5.10', 41],
  ['21.11', 'Porcupine', '5.10', 82],
  ['22.05', 'Quokka', '5.15', 43],
  ['22.11', 'Raccoon', '5.15', 79],
  ['23.05', 'Stoat', '6.1', 31],
  ['23.11', 'Tapir', '6.1', 63],
  ['24.05', 'Uakari', '6.6', 32],
  ['24.11', 'Vicuña', '6.6', 63],
  ['25.05', 'Warbler', '6.12', 30],
  ['25.11', 'Xantusia', '6.12', 41],
  ['26.05', 'Yarara', '6.18', 2],
];

/** The releases the world knows, oldest first; dates outside the table stay on its first or last release. */
export const releases: Release[] = table.map(([version, codeName, kernelSeries, firstKernelPatch]) => {
  const [yy, mm] = version.split('.').map(Number) as [number, number];
  // A YY.05 release is out at the start of June, a YY.11 release at the start of December.
  const from = new Date(Date.UTC(2000 + yy, mm === 5 ? 5 : 11, 1));
  return { version, codeName, kernelSeries, firstKernelPatch, from };
});

/** The release a channel commit made on `date` belongs to (a stable channel). */
export function releaseAt(date: Date): Release {
  let found = releases[0] as Release;
  for (const release of releases) if (release.from.getTime() <= date.getTime()) found = release;
  return found;
}
