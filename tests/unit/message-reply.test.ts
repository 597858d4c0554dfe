import { describe, expect, it } from 'vitest';
import { rejectedReply, replyValue } from '../../lib/messages/reply';

describe('replies over runtime messaging', () => {
  it('passes answers through, falsy ones included', () => {
    for (const answer of [false, 0, '', null, undefined, { terms: [] }, ['a']]) expect(replyValue(answer)).toBe(answer);
  });

  it('turns a failed handler into an error on the asking side, with its message', () => {
    expect(() => replyValue(rejectedReply(new Error('no selection')))).toThrow('no selection');
    expect(() => replyValue(rejectedReply('plain'))).toThrow('plain');
  });

  it('reads the polyfill’s own rejection, which the background sends when a handler throws', () => {
    // what webextension-polyfill's wrapped listener sends for a rejected promise (Chrome)
    expect(() => replyValue({ __mozWebExtensionPolyfillReject__: true, message: 'quota' })).toThrow('quota');
    expect(replyValue({ __mozWebExtensionPolyfillReject__: false, message: 'x' })).toEqual({
      __mozWebExtensionPolyfillReject__: false,
      message: 'x',
    });
  });
});
