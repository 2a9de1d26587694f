import { describe, expect, it } from 'vitest';
import { clipAround, clipEvidence } from './evidence-clip.js';

const LONG = `line 7: ERROR sync failed error=${'x'.repeat(300)} AADSTS7000222: The provided client secret keys are expired. ${'y'.repeat(300)}`;

describe('evidence cut for reading', () => {
  it('keeps short lines as they are', () => {
    expect(clipAround('line 1: INFO ok', 'ok', 40)).toBe('line 1: INFO ok');
  });

  it('cuts a long line around the match, with … on both cut sides and the line number kept', () => {
    const cut = clipAround(LONG, 'AADSTS7000222', 120);
    expect(cut.length).toBe('line 7: '.length + 120);
    expect(cut).toMatch(/^line 7: …x+ AADSTS7000222: The provided client secret keys are expired\. y+…$/);
  });

  it('a match near the start cuts only the end; near the end, only the start', () => {
    const early = clipAround(`line 2: AADSTS7000222 ${'z'.repeat(300)}`, 'AADSTS7000222', 60);
    expect(early).toMatch(/^line 2: AADSTS7000222 z+…$/);
    expect(early.length).toBe('line 2: '.length + 60);
    const late = clipAround(`line 3: ${'z'.repeat(300)} AADSTS7000222`, 'AADSTS7000222', 60);
    expect(late).toMatch(/^line 3: …z+ AADSTS7000222$/);
    expect(late.length).toBe('line 3: '.length + 60);
  });

  it('without a match (or one not in the line) cuts the end', () => {
    expect(clipAround(LONG, null, 30)).toBe(`line 7: ERROR sync failed error=xxxxx…`);
    expect(clipAround(LONG, 'not there', 30)).toBe(`line 7: ERROR sync failed error=xxxxx…`);
  });

  it('cuts every evidence line of a finding around its own match', () => {
    const lines = clipEvidence({ evidence: [LONG, 'line 9: short'], matched: ['AADSTS7000222', null] }, 100);
    expect(lines[0]).toContain('AADSTS7000222');
    expect(lines[1]).toBe('line 9: short');
  });
});
