import { describe, expect, it } from 'vitest';
import { parseArgs, parseInstant, parseNumber, UsageError } from '../../src/cli/args';
import { loadContentConfig } from '../../src/config';

describe('the one argument parser every CLI uses', () => {
  const spec = { flags: ['--json'], options: ['--at'] };

  it('reads flags, options with their values, and the words in between', () => {
    const args = parseArgs(['--json', 'who', '--at', '2026-12-26T22:00:00Z', 'do I call'], spec);
    expect([...args.flags]).toEqual(['--json']);
    expect(args.options.get('--at')).toBe('2026-12-26T22:00:00Z');
    expect(args.positional).toEqual(['who', 'do I call']);
  });

  it.each([
    [['--jsn'], /unknown option --jsn/],
    [['--at'], /--at needs a value/],
    [['--at', '--json'], /--at needs a value/],
  ])('refuses %j, saying what is wrong', (argv, message) => {
    expect(() => parseArgs(argv, spec)).toThrow(UsageError);
    expect(() => parseArgs(argv, spec)).toThrow(message);
  });

  it('reads an instant and a number, or says what it expected', () => {
    expect(parseInstant('2026-12-26T22:00:00Z', new Date(0)).toISOString()).toBe('2026-12-26T22:00:00.000Z');
    expect(() => parseInstant('boxing day', new Date(0))).toThrow(/ISO-8601/);
    expect(parseNumber('--min', '0.95', 0)).toBe(0.95);
    expect(() => parseNumber('--min', 'most', 0)).toThrow(/--min expects a number/);
  });
});

describe('the CLIs read the content folders through the server configuration schema', () => {
  it('has the same defaults as the server', () => {
    const config = loadContentConfig({});
    expect(config.areaDir).toBe('content/areas/portsmouth');
    expect(config.knowledgeDir).toMatch(/knowledge$/);
  });

  it('takes AREA_DIR and KNOWLEDGE_DIR from the environment, empty meaning the default', () => {
    expect(loadContentConfig({ AREA_DIR: 'tests/fixtures/areas/testshire', KNOWLEDGE_DIR: '' }).areaDir).toBe(
      'tests/fixtures/areas/testshire',
    );
  });
});
