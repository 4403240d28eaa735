import { describe, expect, it } from 'vitest';
import { checkUrgency, currentUrgencyModel } from '../../src/rules/urgency';
import { loadCorpus } from '../../src/rules/urgencyCorpus';
import { extractFeatures } from '../../src/rules/urgencyFeatures';
import { modelAsked, sigmoid, urgencyScore } from '../../src/rules/urgencyModel';
import { ruleFor } from '../../src/rules/urgencyRules';

describe('the 999 net scores without building a feature vector', () => {
  const model = currentUrgencyModel();
  const { features, bias } = model.file;
  const messages = loadCorpus().messages.map((m) => m.q);

  it('gives every corpus message the score its feature vector gives, to the last bit', () => {
    for (const q of messages) {
      const f = extractFeatures(q, features);
      let z = bias;
      for (let k = 0; k < f.index.length; k++) z += model.weights[f.index[k]!]! * f.value[k]!;
      expect(urgencyScore(model, q)).toBe(sigmoid(z));
    }
  });

  it('finds what the rules and the model find one by one, normalising each message once per half', () => {
    for (const q of messages) {
      const rule = ruleFor(q);
      const asked = !rule && modelAsked(q, model);
      const score = asked ? urgencyScore(model, q) : null;
      const urgent = rule !== null || (score !== null && score >= model.file.threshold);
      expect(checkUrgency(q)).toEqual({
        urgent,
        reason: rule ? rule.name : urgent ? 'model' : null,
        kind: rule ? rule.kind : urgent ? 'model' : null,
        score,
      });
    }
  });

  it('scores a message longer than any before it as if it had been cut at maxChars', () => {
    const long = 'she has gone missing with older men right now '.repeat(100);
    expect(urgencyScore(model, long)).toBe(urgencyScore(model, long.slice(0, features.maxChars)));
  });
});
