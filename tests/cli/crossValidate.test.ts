import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossValidate } from '../../src/cli/crossValidate';
import { readTrainingManifest } from '../../src/cli/trainTopics';
import { loadKnowledgeContent } from '../../src/knowledge/load';
import { shipped } from '../helpers/area';

const dir = path.resolve(__dirname, '../../content/knowledge');

describe('leave-one-writer-out over the training corpus', () => {
  it('holds out every writer once, validation writers included, and answers each of its lines', () => {
    const content = loadKnowledgeContent(dir, shipped.contacts);
    // A few steps are enough to check the folds, not to judge the model.
    const reports = crossValidate(dir, content, shipped.contacts, new Date('2026-11-25T10:30:00Z'), {
      steps: 3,
    });
    const manifest = readTrainingManifest(dir);
    expect(reports.map((r) => r.writer)).toEqual([...manifest.train, ...manifest.validation]);
    for (const { writer, report } of reports) {
      const lines = readFileSync(path.join(dir, 'training', writer), 'utf8')
        .split('\n')
        .filter(Boolean);
      expect(report.total + report.pending).toBeLessThanOrEqual(lines.length);
      expect(report.total).toBeGreaterThan(lines.length * 0.9);
      expect(report.right).toBeLessThanOrEqual(report.total);
    }
  }, 120_000);
});
