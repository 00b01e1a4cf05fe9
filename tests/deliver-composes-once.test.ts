import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { deliverCampaign } from '../src/pipeline/deliver-campaign.js';
import { tempWorkspace } from './helpers/workspace.js';

/** Every letter composed and every PDF rendered while delivering, as "<campaign>/<locale>" and "<locale>/<paper>". */
const calls = vi.hoisted(() => ({ composed: [] as string[], rendered: [] as string[] }));

vi.mock('../src/compose/compose-letter.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/compose/compose-letter.js')>();
  return {
    ...real,
    composeLetter: (...args: Parameters<typeof real.composeLetter>) => {
      calls.composed.push(`${args[1]}/${args[2]}`);
      return real.composeLetter(...args);
    },
  };
});
vi.mock('../src/render/pdf/render-pdf.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/render/pdf/render-pdf.js')>();
  return {
    ...real,
    renderPdf: (...args: Parameters<typeof real.renderPdf>) => {
      calls.rendered.push(`${args[0].locale}/${args[0].paper}`);
      return real.renderPdf(...args);
    },
  };
});

describe('deliver', () => {
  it('composes each letter once (the check composes it; planning and the sheets use that) and renders it once per paper size', async () => {
    const ws = tempWorkspace();
    const file = join(ws, 'campaigns', '2020-test-letter.yaml');
    // London and Geneva post on A4, Washington (US) on US Letter; the closed mission gets nothing.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'missions: [embassy-london]',
        'missions: [embassy-london, delegation-geneve, mission-bare, mission-closed]',
      ),
    );
    const { value: project, diagnostics } = loadWorkspace(ws);
    const delivery = await deliverCampaign(project, diagnostics, { campaign: '2020-test-letter', today: '2026-11-23' });
    expect(delivery.outcome).toBe('made');
    expect(delivery.packets.map((p) => p.missionId)).toEqual(['embassy-london', 'delegation-geneve', 'mission-bare']);
    expect(calls.composed.sort()).toEqual(['2020-test-letter/en', '2020-test-letter/ko']);
    expect(calls.rendered.sort()).toEqual(['en/A4', 'en/Letter', 'ko/A4']);
  }, 120_000);
});
