import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure, report } from '../../src/cli/urgency';
import { checkUrgency, isUrgent, urgencyReason } from '../../src/rules/urgency';
import { loadCorpus } from '../../src/rules/urgencyCorpus';
import {
  namesNoOneAndNoHarm,
  normaliseForRules,
  notForTheModel,
  ruleFor,
} from '../../src/rules/urgencyRules';

const fixture = <T>(name: string): T[] =>
  readFileSync(path.join(__dirname, '../fixtures', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);

describe('the explicit alarms, which always fire', () => {
  it.each([
    ['999', '999'],
    ['999!!! help', '999'],
    ['call 999 now, girl is in danger', '999'],
    ['someone needs to call 999, kid being dragged into a van', '999'],
    ["I'm calling 999 unless you tell me otherwise", '999'],
    ['should i call 999', '999'],
    ['she is in danger', 'in danger'],
    ['Help, a young person is in immediate danger, what do I do?', 'in danger'],
    ['number to call if a kid is in danger right now', 'in danger now'],
    ['is it 999 or 101 for a child being assaulted now', 'being harmed now'],
    ['need police now at the youth centre', 'police now'],
    ['police needed urgently, a child is being abused on a live video call', 'police now'],
    ['Emergency: 15yo missing, seen with adult males, phone off', 'emergency'],
    ['this is an emergency', 'emergency'],
    ['help now please', 'help now'],
    ['urgent help needed', 'help now'],
  ])('"%s" fires the %s rule', (text, rule) => {
    expect(ruleFor(text)).toEqual({ kind: 'explicit', name: rule });
    expect(urgencyReason(text)).toBe(rule);
  });

  it.each([
    'when should I call 999 vs 101',
    'is a missing child always a 999 call or can it be 101',
    'foster carers keep calling 999 when the yp is 10 mins late, whats the right threshold',
    'Is it overreacting to call 999 for a child who was 1 hour late back? She is back now anyway.',
    'Which situations are 999 for exploitation? Please give examples, for the staff handbook',
    'not a 999 situation, she is with her foster carer',
    'No one is in immediate danger, but I would like advice on a 15-year-old',
    'nobodys in danger rn but a yp told me bout sum older men',
    'what does immediate danger mean in law',
    'what is the number for the police non-emergency line',
    'not an emergency, just a question about the screening',
    'emergency duty service number',
    'emergency tax code on my payslip, what does it mean',
    'If we suspected trafficking, would we ring the police straight away or is there a form?',
  ])('"%s" is talk about an alarm, not an alarm: no explicit rule fires', (text) => {
    expect(ruleFor(text)?.kind).not.toBe('explicit');
  });
});

describe('the overrides for grave harm', () => {
  it.each([
    ['he has a knife', 'weapon'],
    ['knife. school gate. now', 'weapon'],
    ['student is holding a broken bottle to her own throat', 'weapon'],
    ["he's unconscious and not breathing properly after taking something", 'medical'],
    ['child fell in the harbour at Gunwharf', 'medical'],
    ['she says she is going to kill herself', 'self-harm'],
    ['house fire on our road and the two kids are still inside', 'fire'],
    ['a girl just got pulled into a van', 'being taken'],
    ['a man grabbed a child and drove off with her', 'being taken'],
    ['3 yr old wandering along the slip road alone', 'alone at risk'],
    ['little girl on her own walking up the m275 slip road at 2am', 'alone at risk'],
    ['i can hear a child being beaten next door', 'being harmed'],
    ['girl on my caseload is missing right now, we think she is with the man grooming her', 'missing now'],
    // Put as a question all the same: gone within the hour or two, she is missing now.
    [
      'is it 999 if a girl went missing 2 hours ago and was seen getting into a car with a man',
      'missing for hours',
    ],
    ["we just found out she's with the men who exploit her right now, what do i do", 'with abusers now'],
    ['14yo at a party with adults right now, drunk', 'with abusers now'],
  ])('"%s" fires the %s override', (text, rule) => {
    expect(ruleFor(text)).toEqual({ kind: 'override', name: rule });
  });

  it.each([
    'back in 2021 we had a county lines case with knives involved, looking for the learning review',
    'Back in the autumn a Year 9 boy was threatened with a knife by the older lads. Things have calmed down since.',
    'a while back one of my girls overdosed after being exploited, how do i talk to the team about it',
    'knife arch at the school gate - do we need consent from parents? admin q',
    'drowning prevention week - when do the year 4 swimming lessons start?',
    'drowning in paperwork this week lol',
    'can victim blaming be unconscious',
    'emergency fire drill times for this term please',
    'if someone was carrying a knife but they have left, is that 101 or 999?',
    "Y11 boys in a peer group that's carrying knives, parents are supportive. how do we work with the peer group?",
    'she was being beaten by her stepdad when she was younger, she is 16 now',
    'he went missing about an hour ago but the police found him and he is home now',
    'the little girl next door is always on her own, her mum works nights. is that neglect?',
    'little boy on our road keeps getting picked up by different men',
    // With the men earlier, and now gone or safe, said in so many words.
    'who do i phone tonight about a 15 yr old girl getting into cars with older men outside our store earlier, shes gone now, no one in danger atm',
    "who do i ring at 2am? mum has just disclosed the 14yo has been going off with older men. she's home and in bed now, safe",
  ])('"%s" is harm talked about, not happening: no rule fires', (text) => {
    expect(ruleFor(text)).toBeNull();
  });
});

describe("answers to the bot's own questions, which the classifier is not asked about", () => {
  it.each([
    'yes she has',
    'no she hasnt',
    'she is 15',
    'he is 24',
    'they are 19 and 22',
    'about 19 i think',
    'not sure',
  ])('"%s" is an answer', (text) => {
    expect(notForTheModel(text)).toBe(true);
    expect(isUrgent(text)).toBe(false);
  });

  it.each([
    'good afternoon, just saying hi',
    'hi just saying hello',
    'Morning all, hope you are well!',
    'thanks x',
    'night night, end of my shift',
  ])('"%s" is chat, which the classifier is not asked about either', (text) => {
    expect(notForTheModel(text)).toBe(true);
    expect(isUrgent(text)).toBe(false);
  });

  it.each([
    'whos on call tonite',
    'who is on call tonight?',
    'who do I ring at the weekend',
    'whats the number for the duty team tonight',
    'ooh number please',
    'who is on call tonight for childrens social care?',
    'who is available to take a safeguarding call? its 10.45pm',
  ])('"%s" only asks who is on call, which the contacts answer serves, 999 line included', (text) => {
    expect(notForTheModel(text)).toBe(true);
    expect(isUrgent(text)).toBe(false);
  });

  it.each([
    'who is on call tonight, a girl is missing',
    'who do i call right now shes being hurt',
    'who is on call now',
    'who is available now, a man is dragging a girl into his car',
  ])('"%s" says more, or says now, so the classifier still reads it', (text) => {
    expect(notForTheModel(text)).toBe(false);
  });

  it.each([
    'hi, a child is in danger right now',
    'hello, help me, he is hurting her',
    'hi, she just got into his car',
  ])('"%s" opens with a greeting but says more, so the net still reads it', (text) => {
    expect(notForTheModel(text)).toBe(false);
    expect(isUrgent(text)).toBe(true);
  });

  it.each([
    'she is safe here with us now. who do i call tonight?',
    'A&E, 16yo woke up in a flat with men she doesnt know. she is safe in dept now. next steps?',
    'lad 14 being blackmailed over pics, hes not in danger rn hes at home. what do we do',
    'nobody is in immediate danger but I want to pass on what I saw at the park',
    "paramedic - 16yo told us a man she met online made her 'meet his mates'. shes at her nans now, safe. who do i contact on a sat night?",
    'bank hol night shift. 16 y/o says her bf is 23 and gives her vapes. shes in bed safe now. pass on tonight or wait til tues?',
    "15yo lad kipping in the stairwell at 5am, says he's been 'grafting'. He's with A&E staff now, safe. what next?",
    "its friday 6pm, 14yo in one of my families said at a home visit that a man is paying her for pics. she's with mum now and safe. who do i call tonight?",
    'a year 10 has just told me shes scared to go home because of her mums boyfriend. shes in the office with me, safe, door shut. who do i ring?',
    "ok he's driven off, her mum's collected her. what now",
  ])('"%s" says the young person is safe now, which the classifier is not asked to doubt', (text) => {
    expect(notForTheModel(text)).toBe(true);
    expect(isUrgent(text)).toBe(false);
  });

  it.each([
    "minibus driver: 15yo girl asked to borrow my phone to ring her 'man', says he goes mad if she doesnt call. not urgent",
    'Y9 girl, older lads picking her up from school every day. no rush, just want advice',
    'foster carer. my 14yo came home with a new phone and wont say who gave it. its not an emergency',
    'nothing happening now, but a man has been hanging around our youth club giving the lads cash',
    'who to phone at 3am night shift, safeguarding worry not life or death',
    'a man was hanging about outside the club earlier giving the lads vapes, he has gone, no one in danger atm',
    // "outside" what happens most evenings is a habit, not something going on now.
    'same van outside the gym most evenings picking up young lads, maybe 14 15. not an emergency but it doesnt feel right',
  ])('"%s" says it is not urgent, which the classifier is not asked to doubt', (text) => {
    expect(notForTheModel(text)).toBe(true);
    expect(isUrgent(text)).toBe(false);
  });

  it.each([
    'printer in the house office wont connect',
    'traffic on the m27 right now',
    'the bus 700 is going to chichester from southsea?',
    'weather in portsmouth tomorrow, got roof repairs booked',
    'write me a message to my boss saying im sick',
  ])('"%s" names no one and no harm, which the classifier is not asked about', (text) => {
    expect(notForTheModel(text)).toBe(true);
    expect(isUrgent(text)).toBe(false);
  });

  it.each(['its happening right now at the park', '15yo collapsed at the skate park'])(
    '"%s" names a harm or someone, so the net still reads it',
    (text) => {
      expect(notForTheModel(text)).toBe(false);
      expect(isUrgent(text)).toBe(true);
    },
  );

  it.each(['come quick', 'pls help', 'who is on call now', 'i need you here now'])(
    '"%s" names an alarm or asks who, so the classifier still reads it',
    (text) => {
      expect(notForTheModel(text)).toBe(false);
    },
  );

  it('no urgent line in the corpus or the fixtures names no one and no harm', () => {
    const urgent = loadCorpus()
      .messages.filter((m) => m.urgent)
      .map((m) => m.q);
    const expectsEmergency = (e: unknown) =>
      e === 'emergency' || (Array.isArray(e) && e.includes('emergency'));
    for (const dir of ['tests/fixtures', 'tests/fixtures/urgency-heldout', 'tests/fixtures/faq-heldout']) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
        const allUrgent = file.startsWith('urgent-eval');
        for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
          if (line.trim() === '') continue;
          const parsed = JSON.parse(line) as { turns?: unknown[] };
          const turns = (parsed.turns ?? [parsed]) as Array<{
            q: string;
            urgent?: boolean;
            expect?: unknown;
          }>;
          for (const t of turns)
            if (t.urgent === true || expectsEmergency(t.expect) || (allUrgent && t.urgent !== false))
              urgent.push(t.q);
        }
      }
    }
    expect(urgent.length).toBeGreaterThan(2500);
    expect(urgent.filter((q) => namesNoOneAndNoHarm(normaliseForRules(q)))).toEqual([]);
  });

  it.each([
    "translate 'lights out in ten minutes' into mandarin",
    'can you translate "please sign the register before the coach leaves" into polish',
    'how do you say you are safe here in arabic',
  ])('"%s" asks for words in another language, which the classifier is not asked about', (text) => {
    expect(notForTheModel(text)).toBe(true);
    expect(isUrgent(text)).toBe(false);
  });

  it('a translation of an alarm is still an alarm: the rules read it', () => {
    expect(isUrgent('translate "he has a knife" into polish')).toBe(true);
  });

  it.each([
    'this is urgent, a man is trying to get her into his car',
    'is it not urgent? she has been gone since last night with older men',
    'its not urgent but he is outside the school now waiting for her',
  ])('"%s" is not a calm statement, so the classifier reads it', (text) => {
    expect(notForTheModel(text)).toBe(false);
  });

  it.each([
    'shes safe now but he is outside the school waiting for her',
    'is she safe? she just got in his car',
    'i dont know if shes safe, she is with the men from the takeaway',
    'she is not safe, he keeps turning up',
    'she says she is safe but he is still there with her',
    "Year 11 girl with me in the medical room. says she's going to kill herself tonight, she's been saving up tablets at home",
    'Child in my care swallowed a packet of something, now she is at home vomiting and very sleepy',
    'shes at home with them now and safe they said',
    // Taken by family is not collected home: a passport taken before a wedding abroad is an alarm.
    '15 year old said her dads taken her passport and theyre driving to the ferry tonight',
  ])('"%s" doubts it or says something is still going on, so the classifier reads it', (text) => {
    expect(notForTheModel(text)).toBe(false);
  });

  it('the rules still read a message that says the child is safe', () => {
    expect(isUrgent('she is safe with me but he has a knife and is at the door')).toBe(true);
  });

  it.each(['she is 15 and missing', 'she is in a car', 'yes she is with him now', 'they are taking her'])(
    '"%s" says more than an answer, so the classifier reads it',
    (text) => {
      expect(notForTheModel(text)).toBe(false);
    },
  );
});

describe('isUrgent: rules first, then the classifier', () => {
  it('says why it fired: a rule name, "model", or null', () => {
    expect(urgencyReason('he has a knife')).toBe('weapon');
    const viaModel = checkUrgency('14yo girl just got into a car with two older men outside the school');
    expect(viaModel).toMatchObject({ urgent: true, reason: 'model', kind: 'model' });
    expect(viaModel.score).toBeGreaterThan(0.5);
    const quiet = checkUrgency('what are the signs a child is being groomed');
    expect(quiet).toMatchObject({ urgent: false, reason: null, kind: null });
    expect(quiet.score).toBeLessThan(0.2);
  });

  it.each(['help', 'HELP!!', 'no', 'n', 'y', '12', 'not sure', 'start again'])(
    'leaves the bot\'s own commands and answers alone: "%s"',
    (text) => {
      expect(checkUrgency(text)).toEqual({ urgent: false, reason: null, kind: null, score: null });
    },
  );

  it.each(['19 and 22', 'yes she has', 'i dont know', 'start a screening', 'who do i call'])(
    'stays quiet on a longer answer to one of the bot\'s questions: "%s"',
    (text) => {
      expect(isUrgent(text)).toBe(false);
    },
  );

  it('gives the same answer for the same text every time', () => {
    const text =
      'girl 12 missing from school since registration, friends say she went to meet her boyfriend who is 24';
    const first = checkUrgency(text);
    for (let i = 0; i < 5; i++) expect(checkUrgency(text)).toEqual(first);
  });

  it.each([
    'a child missing from care since last night, her phone is off, we think she is with older men',
    'a 28 year old is picking our year 9 pupil up from school today',
    'a man is abusing a child on a live video call, her mum is showing me on her phone',
    'he says they will post his nudes in ten minutes unless he pays',
  ])('fires on the kinds of message the old word lists missed: "%s"', (text) => {
    expect(isUrgent(text)).toBe(true);
  });

  it.each([
    'what are the signs of grooming',
    'how do I make a referral to MASH',
    'she went missing twice last year, does that count on the CSERQ4',
    'the girl who was missing has been found safe and is home with her mum',
    'what if a child told me she was meeting an older man next month',
    'she was with the men last week but she is safe now',
  ])('stays quiet on a near miss: "%s"', (text) => {
    expect(isUrgent(text)).toBe(false);
  });
});

describe('the 999 safety net on the older dev sets (validation, never trained on)', () => {
  // These sets were tuned on in earlier rounds, so they are not held-out claims; they guard against regressions.
  const urgent = fixture<{ q: string }>('urgent-eval.jsonl');
  const faq = fixture<{ q: string; expect: unknown }>('faq-eval.jsonl');

  it('fires on every urgent dev-set message', () => {
    const missed = urgent.filter((m) => !isUrgent(m.q)).map((m) => m.q);
    expect(urgent.length).toBeGreaterThanOrEqual(60);
    expect(missed).toEqual([]);
  });

  it('fires on every emergency of the knowledge-base dev set that is not a question about 999', () => {
    const aboutWhenToCall = new Set([
      'do i call 999 if a child is at immediate risk',
      'when should I ring 999',
    ]);
    const missed = faq
      .filter((m) => m.expect === 'emergency' && !aboutWhenToCall.has(m.q) && !isUrgent(m.q))
      .map((m) => m.q);
    expect(missed).toEqual([]);
  });

  it('fires on at most 1% of the other knowledge-base dev-set questions', () => {
    // A line that accepts "emergency" among its answers describes something happening now: it may fire.
    const others = faq.filter(
      (m) => m.expect !== 'emergency' && !(Array.isArray(m.expect) && m.expect.includes('emergency')),
    );
    const fired = others.filter((m) => isUrgent(m.q));
    expect(fired.length / others.length).toBeLessThanOrEqual(0.01);
  });

  it('stays quiet on every near miss of the near-miss dev set', () => {
    const fired = fixture<{ q: string }>('urgent-near-misses.jsonl').filter((m) => isUrgent(m.q));
    expect(fired.map((m) => m.q)).toEqual([]);
  });

  it.each(['urgent-holdout.jsonl', 'urgent-holdout-2.jsonl', 'urgent-holdout-3.jsonl'])(
    'catches at least 95% of the urgent messages of %s with at most 5% false alarms',
    (file) => {
      const m = measure(path.join(__dirname, '../fixtures', file), isUrgent);
      expect(m.caught / m.urgent).toBeGreaterThanOrEqual(0.95);
      expect(m.falseAlarms / m.others).toBeLessThanOrEqual(0.05);
    },
  );
});

describe('the urgency CLI', () => {
  it('counts the knowledge-base dev set by its "emergency" labels', () => {
    const m = measure(path.join(__dirname, '../fixtures/faq-eval.jsonl'), isUrgent);
    expect(m.urgent).toBe(
      fixture<{ expect: unknown }>('faq-eval.jsonl').filter((l) => l.expect === 'emergency').length,
    );
  });

  it('reports explicit alarms apart, and lists every miss and false alarm', () => {
    const judge = (q: string) => q.includes('fires');
    const lines = [
      { q: 'fires: explicit', urgent: true, explicit: true },
      { q: 'silent: explicit', urgent: true, explicit: true },
      { q: 'silent: urgent', urgent: true },
      { q: 'fires: near miss', urgent: false },
      { q: 'silent: near miss', urgent: false },
    ];
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'urgency-cli-')), 'set.jsonl');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(report('set.jsonl', measure(file, judge))).toEqual([
      'set.jsonl: urgent caught 1/3 (33.3%); false alarms 1/2 (50.0%)',
      '  explicit alarms fired 1/2 (50.0%)',
      '  missed: silent: explicit',
      '  missed: silent: urgent',
      '  false alarm: fires: near miss',
    ]);
  });
});
