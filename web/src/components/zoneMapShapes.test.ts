import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kZoneShapes } from './zoneMapShapes';

describe('the zone map', () => {
  it('draws every zone of the knowledge base, and nothing else', () => {
    const zonesYaml = readFileSync(join(__dirname, '..', '..', '..', 'kb', 'zones.yaml'), 'utf8');
    const codes = [...zonesYaml.matchAll(/^ {2}- zone: (\w+)$/gm)].map((match) => match[1]);
    expect(codes.length).toBeGreaterThan(10);
    expect(Object.keys(kZoneShapes).sort()).toEqual([...codes].sort());
  });
});
