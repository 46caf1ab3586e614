export { renderReport } from './render-report.js';
export type { RenderReportOptions, ReportFormat } from './render-report.js';
export { reportModel } from './report-model.js';
export type { ReportInput, ReportModel, ReportRow } from './report-model.js';
