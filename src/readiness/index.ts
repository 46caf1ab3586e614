export { auditReadiness, severityAtLeast, type AuditReadinessOptions } from './audit-readiness.js';
export { findConflicts } from './find-conflicts.js';
export { renderReadinessHtml, renderReadinessMarkdown } from './render-readiness.js';
