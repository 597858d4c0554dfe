import { describe, expect, it } from 'vitest';
import { parseContentEnvelope } from '../../lib/messages/content';
import { parseEnvelope } from '../../lib/messages/index';

describe('message validation', () => {
  it('accepts well-formed requests and returns only the validated fields', () => {
    expect(parseEnvelope({ type: 'termCard', payload: { termId: 'sanyi-xietong', extra: 'x' } })).toEqual({
      type: 'termCard',
      payload: { termId: 'sanyi-xietong' },
    });
    expect(parseEnvelope({ type: 'termCard', payload: { termId: 'a', limit: 5 } })?.payload).toEqual({
      termId: 'a',
      limit: 5,
    });
    expect(parseEnvelope({ type: 'termCards', payload: { termIds: ['a', 'b'], limit: 5, x: 1 } })).toEqual({
      type: 'termCards',
      payload: { termIds: ['a', 'b'], limit: 5 },
    });
    expect(parseContentEnvelope({ type: 'revealTerm', payload: { termId: 'qianxian-gongcheng' } })).toEqual({
      type: 'revealTerm',
      payload: { termId: 'qianxian-gongcheng' },
    });
  });

  it.each([
    null,
    'termCard',
    [],
    { type: 'termCard' },
    { type: 'termCard', payload: [] },
    { type: 'termCard', payload: { termId: '' } },
    { type: 'termCard', payload: { termId: 'x'.repeat(201) } },
    { type: 'termCard', payload: { termId: 'a', limit: 0 } },
    { type: 'termCard', payload: { termId: 'a', limit: 1.5 } },
    { type: 'termCard', payload: { termId: 'a', limit: '5' } },
    { type: 'termCards', payload: { termIds: [] } },
    { type: 'termCards', payload: { termIds: ['a', ''] } },
    { type: 'termCards', payload: { termIds: 'a' } },
    { type: 'termCards', payload: { termIds: ['a', 5] } },
    { type: 'termCards', payload: { termIds: Array.from({ length: 13 }, (_, i) => `t${i}`) } },
    { type: 'termCards', payload: { termIds: ['a'], limit: 0 } },
    { type: 'toString', payload: {} },
    { type: '__proto__', payload: {} },
    { type: 'noSuchRequest', payload: {} },
  ])('refuses %j', (message) => {
    expect(parseEnvelope(message)).toBeNull();
  });

  it('keeps the two protocols apart', () => {
    expect(parseEnvelope({ type: 'pageTerms', payload: {} })).toBeNull();
    expect(parseContentEnvelope({ type: 'termCard', payload: { termId: 'a' } })).toBeNull();
  });

  it('carries the save-selection request in the one content protocol', () => {
    expect(parseContentEnvelope({ type: 'saveSelection', payload: {} })).toEqual({
      type: 'saveSelection',
      payload: {},
    });
    // the old separate message shape is gone, and the background does not take this request
    expect(parseContentEnvelope({ type: 'policy-cross-ref:saveSelection' })).toBeNull();
    expect(parseEnvelope({ type: 'saveSelection', payload: {} })).toBeNull();
  });
});
