import { describe, expect, it } from 'vitest';
import { cycles, importGraph, sourceFiles } from './import-graph';

describe('the import graph', () => {
  it('has no cycles in src-main/ or src-renderer/ (type-only imports count)', () => {
    const graph = importGraph(sourceFiles(['src-main', 'src-renderer']));
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
