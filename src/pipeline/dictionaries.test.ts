import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebookRules } from './codebook.ts';
import { loadActorTypes, loadEventTypes } from './dictionaries.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-codebook-'));
function edited(file: string, from: string, to: string): string {
  const text = readFileSync(`seeds/${file}`, 'utf8');
  expect(text).toContain(from);
  const out = join(dir, file);
  writeFileSync(out, text.replace(from, to));
  return out;
}

describe('the codebook files carry the behaviour, as flags', () => {
  const rules = codebookRules(
    loadEventTypes('seeds/event-types.yaml'),
    loadActorTypes('seeds/actor-types.yaml'),
  );
  it('groups the types that can tell one happening, and no others', () => {
    expect(rules.sameGroup('battle', 'explosion')).toBe(true);
    expect(rules.sameGroup('protest', 'riot')).toBe(true);
    expect(rules.sameGroup('battle', 'protest')).toBe(false);
    expect(rules.sameGroup('strategic', 'strategic')).toBe(false);
  });
  it('names one stand-in for each actor a sentence leaves out, and which types are armed', () => {
    expect(rules.standsIn).toEqual({
      perpetrator: 'political-militia',
      victim: 'civilians',
      authority: 'state-forces',
    });
    expect(rules.armed('rebel-group')).toBe(true);
    expect(rules.armed('protesters')).toBe(false);
  });
  it('refuses a recoding to a sub-type that does not exist, naming it', () => {
    const file = edited(
      'event-types.yaml',
      'against-unarmed: violence-against-civilians/attack',
      'against-unarmed: violence-against-civilians/atack',
    );
    expect(() => loadEventTypes(file)).toThrow(
      /battle\/armed-clash: against-unarmed: no sub-type violence-against-civilians\/atack/,
    );
  });
  it('refuses actor types without a stand-in for the victim', () => {
    const file = edited('actor-types.yaml', 'stands-in: victim', 'armed: false');
    expect(() => loadActorTypes(file)).toThrow(/exactly one type must have "stands-in: victim" \(found 0\)/);
  });
});
