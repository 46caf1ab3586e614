import type { LintCheck } from '../_context.js';
import { createFindings } from '../_findings.js';

/** Lines that are not valid JSON or do not have the format's shape. */
export const checkSchema: LintCheck = ({ readErrors }) => {
  const findings = createFindings();
  for (const { line, error } of readErrors) {
    const generic = error.startsWith('invalid JSON') ? 'invalid JSON' : error.replace(/\[\d+\]/g, '[n]');
    findings.add('schema', 'error', generic, 'Fix or remove the line; every line must be one JSON record in the file\'s format (see `fathom tune convert`).', line);
  }
  return findings.list();
};
