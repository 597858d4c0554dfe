import type { ClippingsProtocol } from '../messages/clippings';
import type { Handlers } from './handlers';

// Placeholder until the clippings store lands (issue 5): refuses visibly instead of pretending to save.
export const clippingsHandlers: Handlers<ClippingsProtocol> = {
  async savePassageClipping() {
    return { status: 'failed', reason: 'clippings are not available yet' };
  },
};
