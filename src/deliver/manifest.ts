import type { PacketFileKind } from './delivery-plan.js';

/** One file of a packet as listed in its manifest. */
export interface ManifestEntry {
  file: string;
  kind: PacketFileKind;
  lang?: string;
  bytes: number;
  sha256: string;
  /** Pages of a PDF; null for other files. */
  pages: number | null;
}

/** manifest.json of a packet: every other file of the folder with its size, hash and page count. */
export interface Manifest {
  campaign: string;
  mission: string;
  files: ManifestEntry[];
}

export function byteLength(data: Uint8Array | string): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

/** The manifest as written: stable key order, two-space indent, final newline. */
export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
