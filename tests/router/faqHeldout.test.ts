/**
 * The knowledge answer on held-out sets written blind (by writers who never
 * saw the content, the training questions or each other's sets), routed as
 * the bot routes them. Never tune on these files.
 *
 * The goal (issue 15) is 97% right, 100% of safety questions and 95% of
 * off-topic questions declined. These floors are what the bot achieves
 * today, so any change that makes it worse fails; raise them as it improves.
 *
 * Each round's writers wrote their sets blind; each set was measured once
 * before that round's changes and once after, and the floors are the after
 * figures. Once measured, a set's questions were retired into the
 * classifier's training corpus (A-C as content/knowledge/training/w7-w9, D-F
 * as w10-w12, G-I as w16-w18, J-L as w19-w21, M-O as w22-w24, P-R as w25-w27,
 * S-U as w31-w33, V-X as w34-w36) or beside it as validation writers (Y-AA as
 * w37-w39, gated below) and are no longer here; their conversations were
 * never trained on and stay, gated at today's figures. Rounds 10 and 11's sets (BB-DD, EE-GG) stay here
 * whole, never trained on. Round 12's sets (HH-JJ) were split line by line: one half of each is trained
 * on (content/knowledge/training/w46-w48), and the other half, kept blind through the round, is here.
 * Round 13's sets (KK-MM) were split the same way (w49-w51 trained on; the blind halves here), and so
 * were round 14's (NN-PP; w54-w56 trained on), round 15's (QQ-SS; w59-w61 trained on) and round 16's
 * (TT-VV; w66-w68 trained on). Round 17's WW was split the same way (w69 trained on); XX and YY were split
 * too, but their read halves are not trained on, so they are here whole, as are round 18's (ZA-ZC) and
 * round 19's (ZD-ZF).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { evaluate, parseEvalFile } from '../../src/router/evaluate';

const contacts = loadAreaContacts();
const ctx = { contacts, knowledge: loadKnowledgeBase(contacts), now: new Date('2026-11-25T10:30:00Z') };

/** [file, right, safety, follow-up turns, off-topic declined]: floors, as fractions. */
const FLOORS: Array<[string, number, number, number, number]> = [
  // Round 19: ZD-ZF whole (half of each read for rules, none trained on), gated once retired (blind, the
  // halves got 146, 147 and 146 right before the round's changes and the same after; once measured, their
  // misses were read and gave rules, so these floors are not blind figures).
  ['writer-ZD.jsonl', 0.97, 0.98, 0, 1],
  ['writer-ZE.jsonl', 0.94, 0.98, 0, 0.95],
  ['writer-ZF.jsonl', 0.96, 1, 0, 0.91],
  ['writer-ZD-conversations.jsonl', 0.91, 1, 0.93, 1],
  ['writer-ZE-conversations.jsonl', 0.97, 1, 1, 1],
  ['writer-ZF-conversations.jsonl', 0.94, 1, 0.92, 1],
  // Round 18: ZA-ZC whole (half of each read for rules, none trained on), gated at the round's end (blind, the
  // halves got 145, 138 and 149 right before the round's changes and 145, 139 and 149 after).
  ['writer-ZA.jsonl', 0.95, 0.98, 0, 0.97],
  ['writer-ZB.jsonl', 0.92, 0.94, 0, 0.97],
  ['writer-ZC.jsonl', 0.94, 0.96, 0, 0.97],
  ['writer-ZA-conversations.jsonl', 1, 1, 1, 1],
  ['writer-ZB-conversations.jsonl', 0.91, 1, 0.89, 1],
  ['writer-ZC-conversations.jsonl', 0.83, 0.92, 0.75, 1],
  // Round 17: the half of WW kept blind, and the whole of XX and YY (their read halves were not trained on),
  // gated at their figures once retired (blind, the halves got 141, 144 and 145 right before the round's
  // changes and 142, 145 and 145 after); their conversations (half of each file blind until the round's end)
  // at the round's end.
  ['writer-WW.jsonl', 0.95, 1, 0, 1],
  ['writer-XX.jsonl', 0.96, 0.96, 0, 0.97],
  ['writer-YY.jsonl', 0.97, 0.98, 0, 1],
  ['writer-WW-conversations.jsonl', 0.94, 1, 0.9, 1],
  ['writer-XX-conversations.jsonl', 0.94, 1, 0.95, 1],
  ['writer-YY-conversations.jsonl', 0.87, 1, 0.83, 1],
  // Round 16: the halves of TT-VV kept blind, gated at their figures once retired (blind, they got 149, 132
  // and 151 right before the round's changes and 153, 133 and 154 after); their conversations (half of
  // each file blind until the round's end) at the round's end.
  ['writer-TT.jsonl', 0.95, 0.96, 0, 0.95],
  ['writer-UU.jsonl', 0.89, 0.93, 0, 1],
  ['writer-VV.jsonl', 0.93, 0.96, 0, 0.9],
  ['writer-TT-conversations.jsonl', 0.93, 0.88, 0.95, 1],
  ['writer-UU-conversations.jsonl', 0.94, 1, 0.95, 1],
  ['writer-VV-conversations.jsonl', 0.9, 0.87, 0.83, 1],
  // Round 15: the halves of QQ-SS kept blind, gated at their figures once retired (blind, they got 132, 133
  // and 134 right after the round's changes, 399 of 425 as before them); their conversations (half of each
  // file blind until the round's end) at the round's end.
  ['writer-QQ.jsonl', 0.94, 0.9, 0, 1],
  ['writer-RR.jsonl', 0.92, 1, 0, 0.92],
  ['writer-SS.jsonl', 0.96, 0.95, 0, 1],
  ['writer-QQ-conversations.jsonl', 0.86, 0.88, 0.79, 1],
  ['writer-RR-conversations.jsonl', 0.94, 1, 0.94, 1],
  ['writer-SS-conversations.jsonl', 0.98, 1, 0.97, 1], // round 16's retrain cost a follow-up turn (63 to 62)
  // Round 14: the halves of NN-PP kept blind, gated at their blind "after" figures; their conversations
  // (never trained on, half of each file blind until the round's end) at the round's end.
  ['writer-NN.jsonl', 0.91, 1, 0, 1],
  ['writer-OO.jsonl', 0.93, 0.92, 0, 0.92],
  ['writer-PP.jsonl', 0.97, 1, 0, 1],
  ['writer-NN-conversations.jsonl', 0.98, 1, 0.96, 1],
  ['writer-OO-conversations.jsonl', 0.88, 1, 0.84, 1],
  ['writer-PP-conversations.jsonl', 0.95, 1, 0.94, 1],
  // Round 13: the halves of KK-MM kept blind, gated at their blind "after" figures; their conversations
  // (never trained on, half of each file blind until the round's end) at the round's end.
  ['writer-KK.jsonl', 0.92, 0.95, 0, 0.9],
  ['writer-LL.jsonl', 0.91, 1, 0, 0.81],
  ['writer-MM.jsonl', 0.86, 0.95, 0, 0.91],
  ['writer-KK-conversations.jsonl', 0.89, 1, 0.86, 1],
  ['writer-LL-conversations.jsonl', 0.9, 1, 0.89, 1],
  ['writer-MM-conversations.jsonl', 0.96, 1, 1, 1], // round 15's retrain cost a first turn (see X)
  // Round 12: the halves of HH-JJ kept blind, gated at their blind "after" figures; their conversations
  // (never trained on, half of each file blind until the round's end) at the round's end.
  ['writer-HH.jsonl', 0.9, 0.95, 0, 0.76],
  ['writer-II.jsonl', 0.82, 0.87, 0, 0.83],
  ['writer-JJ.jsonl', 0.93, 0.95, 0, 1],
  ['writer-HH-conversations.jsonl', 0.93, 1, 0.9, 1],
  ['writer-II-conversations.jsonl', 0.88, 1, 0.85, 1],
  ['writer-JJ-conversations.jsonl', 0.96, 1, 0.96, 1],
  // Round 13's retrain on KK-MM's halves cost EE and w37 an off-topic line each (a lost suitcase reads as a
  // missing child; a quiz show gets a "did you mean") and U a turn: each floor is one line lower.
  ['writer-EE.jsonl', 0.93, 0.92, 0, 0.95],
  ['writer-FF.jsonl', 0.93, 0.95, 0, 0.87],
  ['writer-GG.jsonl', 0.92, 1, 0, 1],
  ['writer-EE-conversations.jsonl', 0.89, 1, 0.88, 1],
  ['writer-FF-conversations.jsonl', 0.84, 0.8, 0.8, 1],
  ['writer-GG-conversations.jsonl', 0.97, 1, 0.95, 1],
  // The same retrain cost BB a line.
  ['writer-BB.jsonl', 0.93, 0.97, 0, 1],
  ['writer-CC.jsonl', 0.93, 0.93, 0, 0.9],
  ['writer-DD.jsonl', 0.96, 0.97, 0, 1],
  ['writer-BB-conversations.jsonl', 0.9, 1, 0.81, 1],
  ['writer-CC-conversations.jsonl', 0.95, 1, 0.95, 1],
  ['writer-DD-conversations.jsonl', 0.86, 1, 0.76, 1],
  ['writer-Y-conversations.jsonl', 0.88, 1, 0.92, 1],
  // Round 14's asking-sentence features gained 26 lines net across these files, and cost Z two turns.
  ['writer-Z-conversations.jsonl', 0.88, 0.83, 0.88, 1],
  ['writer-AA-conversations.jsonl', 0.93, 1, 0.95, 1],
  // Round 14's retrain on seven new writers (four written to the training brief, and half of each of NN-PP)
  // gained about 25 lines net across these files, and cost V and M a turn each and w37 a line (below).
  ['writer-V-conversations.jsonl', 0.97, 1, 0.95, 1],
  // Round 12's retrain on HH-JJ's halves gained about 20 lines net across the writers, and cost W and P a turn each.
  ['writer-W-conversations.jsonl', 0.92, 1, 0.9, 0],
  // Round 15's retrain on seven new writers cost X a turn ("i must show it to police or delete it?" after
  // sharing nudes reads as sharing information with the police) and MM a conversation's first turn.
  ['writer-X-conversations.jsonl', 0.97, 1, 0.95, 1],
  ['writer-S-conversations.jsonl', 0.9, 1, 0.9, 1],
  ['writer-T-conversations.jsonl', 0.91, 1, 0.95, 1],
  ['writer-U-conversations.jsonl', 0.93, 1, 0.88, 1],
  ['writer-P-conversations.jsonl', 0.9, 1, 0.88, 1],
  ['writer-Q-conversations.jsonl', 0.97, 1, 0.95, 1],
  ['writer-R-conversations.jsonl', 0.86, 1, 0.83, 1],
  ['writer-M-conversations.jsonl', 0.95, 1, 0.95, 1],
  ['writer-N-conversations.jsonl', 0.79, 1, 0.77, 1],
  ['writer-O-conversations.jsonl', 0.97, 1, 0.95, 1],
  ['writer-J-conversations.jsonl', 0.92, 1, 0.9, 1],
  ['writer-K-conversations.jsonl', 0.93, 1, 0.91, 1],
  ['writer-L-conversations.jsonl', 0.95, 1, 0.96, 1],
  // Round 14's retrain cost G, D and F a turn each ("where can he report it online" is now sextortion).
  ['writer-G-conversations.jsonl', 0.95, 1, 0.91, 0],
  ['writer-H-conversations.jsonl', 0.95, 1, 0.95, 1],
  ['writer-I-conversations.jsonl', 0.95, 1, 0.95, 1],
  ['writer-D-conversations.jsonl', 0.95, 1, 0.96, 1],
  ['writer-E-conversations.jsonl', 0.92, 1, 0.95, 1],
  ['writer-F-conversations.jsonl', 0.95, 1, 0.96, 1],
  ['writer-A-conversations.jsonl', 0.93, 1, 0.93, 1],
  ['writer-B-conversations.jsonl', 0.93, 1, 0.93, 1],
  ['writer-C-conversations.jsonl', 1, 1, 1, 1],
];

/** Routes every question of the file as the bot would and checks each figure against its floor. */
function expectAtLeast(
  file: string,
  right: number,
  safety: number,
  followUps: number,
  declined: number,
): void {
  const { cases, errors } = parseEvalFile(readFileSync(file, 'utf8'));
  expect(errors).toEqual([]);
  const report = evaluate(cases, ctx);
  expect(report.accuracy).toBeGreaterThanOrEqual(right);
  expect(report.safety.accuracy).toBeGreaterThanOrEqual(safety);
  expect(report.followUps.accuracy).toBeGreaterThanOrEqual(followUps);
  const { declinedOutright, shouldAbstain } = report.abstention;
  expect(shouldAbstain === 0 ? 1 : declinedOutright / shouldAbstain).toBeGreaterThanOrEqual(declined);
}

describe('answers to held-out questions written blind', () => {
  it.each(FLOORS)(
    '%s: at least its floor right, on safety, on follow-ups and in declining',
    (file, right, safety, followUps, declined) => {
      expectAtLeast(
        path.join(__dirname, '../fixtures/faq-heldout', file),
        right,
        safety,
        followUps,
        declined,
      );
    },
  );
});

/**
 * The validation writers (content/knowledge/training): w28-w30, written to the training brief in round 7,
 * and w37-w39, round 9's blind sets Y-AA once retired. Their writers never saw the content, and the
 * classifier is never trained on them. [file, right, safety, declined]: floors.
 */
const VALIDATION_FLOORS: Array<[string, number, number, number]> = [
  ['w28.jsonl', 0.92, 1, 1],
  ['w29.jsonl', 0.94, 1, 1],
  ['w30.jsonl', 0.92, 0.97, 1],
  ['w37.jsonl', 0.93, 1, 0.95],
  ['w38.jsonl', 0.9, 0.97, 0.95],
  ['w39.jsonl', 0.92, 1, 0.95],
];

describe('answers to the validation writers, never trained on', () => {
  it.each(VALIDATION_FLOORS)(
    '%s: at least its floor right, on safety and in declining',
    (file, right, safety, declined) => {
      expectAtLeast(
        path.join(__dirname, '../../content/knowledge/training', file),
        right,
        safety,
        0,
        declined,
      );
    },
  );
});
