import { defineCommand } from 'citty';

export const monitorCommand = defineCommand({
  meta: { name: 'monitor', description: 'Continuous evaluation: score sampled answers from the audit log (score) and check drift against a baseline (check)' },
  subCommands: {
    score: () => import('./monitor/score.js').then((m) => m.scoreCommand),
    check: () => import('./monitor/check.js').then((m) => m.checkCommand),
  },
});
