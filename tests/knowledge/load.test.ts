import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge, formatProblem, unknownContacts } from '../../src/knowledge/load';
import { shipped as shippedArea, testshire } from '../helpers/area';

// The shipped knowledge base quotes the shipped area's numbers, so it is checked against that area.
const { contacts } = shippedArea;
const shipped = path.resolve(__dirname, '../../content/knowledge');
const dirs: string[] = [];

/** A copy of the shipped content, with some files changed, for the loader to find fault with. */
function contentWith(changes: Record<string, string | null>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-'));
  dirs.push(dir);
  cpSync(shipped, dir, { recursive: true });
  for (const [file, text] of Object.entries(changes)) {
    const target = path.join(dir, file);
    if (text === null) rmSync(target);
    else writeFileSync(target, text);
  }
  return dir;
}

function edited(file: string, from: string | RegExp, to: string): string {
  const text = readFileSync(path.join(shipped, file), 'utf8');
  const result = text.replace(from, to);
  if (result === text) throw new Error(`test setup: nothing to replace in ${file}`);
  return result;
}

function problemsIn(dir: string): string[] {
  return checkKnowledge(dir, contacts).problems.map(formatProblem);
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the shipped knowledge base', () => {
  it('loads with no problems, every topic with a source and a related list that resolves', () => {
    const { content, problems } = checkKnowledge(shipped, contacts);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(content!.topics.length).toBeGreaterThanOrEqual(28);
    for (const id of [
      'what-is-cse',
      'cserq4',
      'making-a-referral',
      'out-of-hours',
      'looking-after-yourself',
    ]) {
      expect(content!.topics.map((t) => t.id)).toContain(id);
    }
  });

  it('has a glossary entry for every acronym the issue lists', () => {
    const terms = checkKnowledge(shipped, contacts).content!.glossary.map((t) => t.term);
    expect(terms).toEqual(
      expect.arrayContaining(['MASH', 'MET', 'HIPS', 'PSCP', 'NPT', 'ICTG', 'PARCS', 'DASS', 'CSE', 'CCE']),
    );
    expect(terms).toEqual(
      expect.arrayContaining(['CEOP', 'PACE', 'MAPPA', 'OFNR', 'CERAF', 'CSERQ4', 'NRM']),
    );
  });
});

describe('the loader names the file, the entry, the field and the problem', () => {
  it('rejects a duplicate id, naming both files', () => {
    const copy = readFileSync(path.join(shipped, 'topics/grooming.yaml'), 'utf8');
    const problems = problemsIn(contentWith({ 'topics/grooming-copy.yaml': copy }));
    const duplicate = problems.find((p) => p.includes('duplicate id'));
    expect(duplicate).toMatch(/: grooming: id: duplicate id, also used in /);
    expect(duplicate).toMatch(/grooming\.yaml/);
    expect(duplicate).toMatch(/grooming-copy\.yaml/);
  });

  it('rejects a related id that no topic has', () => {
    const problems = problemsIn(
      contentWith({
        'topics/ofnr.yaml': edited('topics/ofnr.yaml', 'related: [', 'related: [no-such-topic, '),
      }),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/ofnr\.yaml: ofnr: related\.0: no topic has the id "no-such-topic"/),
    );
  });

  it('rejects a counterpart that no topic has, or the topic itself', () => {
    const problems = problemsIn(
      contentWith({
        'topics/ofnr.yaml': edited('topics/ofnr.yaml', 'related: [', 'counterpart: ofnr\nrelated: ['),
        'topics/grooming.yaml': edited(
          'topics/grooming.yaml',
          'related: [',
          'counterpart: no-such-topic\nrelated: [',
        ),
      }),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/ofnr\.yaml: ofnr: counterpart: a topic cannot refer to itself/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/grooming\.yaml: grooming: counterpart: no topic has the id "no-such-topic"/),
    );
  });

  it('rejects an entry with no source', () => {
    const problems = problemsIn(
      contentWith({
        'topics/ofnr.yaml': edited('topics/ofnr.yaml', /sources:\n( {2}- .*\n( {4}.*\n)?)+/, 'sources: []\n'),
      }),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/ofnr\.yaml: ofnr: sources: every entry needs at least one source/),
    );
  });

  it('rejects an empty answer', () => {
    const problems = problemsIn(
      contentWith({
        'topics/ofnr.yaml': edited(
          'topics/ofnr.yaml',
          /answer: \|\n( {2}.*\n|\n)+?sources:/,
          "answer: ''\nsources:",
        ),
      }),
    );
    expect(problems).toContainEqual(expect.stringMatching(/ofnr\.yaml: ofnr: answer: the answer is empty/));
  });

  it('rejects a phone number or an email in an answer that the contacts file does not hold', () => {
    const problems = problemsIn(
      contentWith({
        'topics/documents.yaml': edited(
          'topics/documents.yaml',
          'straight from the site.',
          'straight from the site, or call 01632 960999 or email docs@example.org.',
        ),
      }),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /documents\.yaml: documents: answer: "01632 960999" is not in the area's contacts file/,
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /documents\.yaml: documents: answer: "docs@example\.org" is not in the area's contacts file/,
      ),
    );
  });

  it('rejects an answer over 150 words, too few questions and a file named after another id', () => {
    const long = `answer: |\n  ${'Call the MASH. '.repeat(60)}\nsources:`;
    const problems = problemsIn(
      contentWith({
        'topics/ofnr.yaml': edited('topics/ofnr.yaml', /answer: \|\n( {2}.*\n|\n)+?sources:/, long),
        'topics/documents.yaml': edited(
          'topics/documents.yaml',
          /questions:\n( {2}- .*\n)+/,
          'questions:\n  - where are the forms\n',
        ),
        'topics/misnamed.yaml': edited('topics/grooming.yaml', 'id: grooming', 'id: grooming-2'),
      }),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/ofnr: answer: the answer has 180 words; keep it to 150 or fewer/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/documents: questions: expected at least 6 different phrasings/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/misnamed\.yaml: grooming-2: id: the file should be named grooming-2\.yaml/),
    );
  });

  it('reports every problem at once, across files, including YAML that does not parse', () => {
    const problems = problemsIn(
      contentWith({
        'topics/ofnr.yaml': 'id: ofnr\ntitle: [unclosed\n',
        'glossary.yaml': edited('glossary.yaml', 'topic: ofnr', 'topic: not-a-topic'),
        'search.yaml': 'answerAt: 2\nsuggestAt: 0.1\n',
      }),
    );
    expect(problems).toContainEqual(expect.stringMatching(/ofnr\.yaml: .*(flow|collection|end)/i));
    expect(problems).toContainEqual(
      expect.stringMatching(/glossary\.yaml: OFNR: terms\.\d+\.topic: no topic has the id "not-a-topic"/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/search\.yaml: answerAt: /));
    // Related ids that pointed at the broken file are reported too, so nothing is hidden behind the first error.
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the classifier file, read at start-up', () => {
  const model = readFileSync(path.join(shipped, 'classifier.json'), 'utf8');
  const older = `{"version":1,"trainedOn":[],"classes":["a","b"],"bias":[0,0],"weights":{"w:x":[0.5,-0.5]}}\n`;

  it.each([
    ['truncated', model.slice(0, model.length / 2), /classifier\.json: .*JSON/],
    ['in the older format', older, /classifier\.json: version: expected 2, .*npm run kb -- train/],
    [
      'holding a row cut short',
      model.replace(/("#age-gap": "[^"]*)AAAA"/, '$1"'),
      /classifier\.json: weights\.#age-gap: expected \d+ characters of base64/,
    ],
  ])('is refused when it is %s, naming the file and the field', (_name, text, problem) => {
    expect(text).not.toBe(model);
    const dir = contentWith({ 'classifier.json': text });
    const { content, problems } = checkKnowledge(dir, contacts);
    expect(content).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(problem)]);
    // Training does not read the model it rebuilds, so a bad one never stops the rebuild.
    expect(checkKnowledge(dir, contacts, false).problems).toEqual([]);
  });
});

describe('numbers and emails in answers', () => {
  it('accepts the contacts file numbers in any spacing and rejects others', () => {
    const ooh = testshire.phone('out-of-hours');
    const respaced = `${ooh.slice(0, 3)} ${ooh.slice(3).replaceAll(' ', '')}`;
    expect(respaced).not.toBe(ooh);
    expect(
      unknownContacts(`Call ${respaced} or ${testshire.phone('mash')}, or 999.`, testshire.contacts),
    ).toEqual([]);
    // The police address has a "/" in it, which an email pattern must not cut off.
    const police = testshire.email('police-information');
    expect(police).toContain('/');
    expect(unknownContacts(`Email ${testshire.email('mash')} or ${police}`, testshire.contacts)).toEqual([]);
    expect(unknownContacts('Call 0800 123 4567 or 112', testshire.contacts)).toEqual(['0800 123 4567']);
  });

  it('does not take ages, years or form numbers for phone numbers', () => {
    expect(
      unknownContacts('195 children, aged 10 to 18, July to September 2022, form AD362', testshire.contacts),
    ).toEqual([]);
  });
});

describe('a contact answered by a topic', () => {
  const withAnsweredBy = (topic: string) => ({
    ...contacts,
    services: contacts.services.map((s) => (s.id === 'childline' ? { ...s, answeredBy: topic } : s)),
  });

  it('must name a topic that exists', () => {
    const problems = checkKnowledge(shipped, withAnsweredBy('no-such-topic')).problems.map(formatProblem);
    expect(problems.join('\n')).toMatch(/answeredBy.*no topic has the id "no-such-topic"/);
  });

  it("must name a topic that gives the service's number", () => {
    const problems = checkKnowledge(shipped, withAnsweredBy('grooming')).problems.map(formatProblem);
    expect(problems.join('\n')).toMatch(/topic "grooming" does not give Childline's number/);
  });
});
