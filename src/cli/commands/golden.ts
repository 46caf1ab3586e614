import { defineCommand } from 'citty';

export const goldenCommand = defineCommand({
  meta: { name: 'golden', description: 'Golden items from production feedback: propose them into a review file (from-feedback), keep the accepted lines (accept)' },
  subCommands: {
    'from-feedback': () => import('./golden/from-feedback.js').then((m) => m.fromFeedbackCommand),
    accept: () => import('./golden/accept.js').then((m) => m.acceptCommand),
  },
});
